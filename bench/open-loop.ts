// An open-loop load: requests sent at a fixed offered rate, evenly spaced (one every 1/rate s),
// whether or not the previous ones were answered. Each latency is counted from the moment its
// request was due, not from when it was sent: a client that fell behind (a server too slow, a
// paused event loop) adds its lateness to the figures instead of hiding it ("coordinated
// omission"). autocannon's rate options do not space requests: each connection sends its quota for
// the second as fast as it can when the second starts, then waits (lib/httpClient.js,
// reqsMadeThisSecond), which measures how a burst drains, not a steady rate.
import { Agent, request } from 'node:http';

export interface OpenLoopRequest {
  method: 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
  body?: string;
  onResponse?: (status: number, body: string) => void;
}

export interface OpenLoopResult {
  /** Requests due during the measure. */
  offered: number;
  completed: number;
  /** Completed requests per second. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
  /** Requests sent more than 1 ms after they were due (the client itself fell behind). */
  late: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Offers `rate` requests per second to `base` for `seconds` (after `warmup` seconds not counted),
 * each built by `next()` when it is due. Keep-alive connections are opened as needed.
 */
export async function openLoop(base: string, opts: { rate: number; seconds: number; warmup?: number; next: () => OpenLoopRequest }): Promise<OpenLoopResult> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / opts.rate;
  const warmupMs = (opts.warmup ?? 0) * 1000;
  const endMs = warmupMs + opts.seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let offered = 0;
  let errors = 0;
  let late = 0;
  let pending = 0;
  const t0 = performance.now();
  let due = 0;

  const send = (dueAt: number) => {
    const counted = dueAt >= warmupMs;
    if (counted) {
      offered++;
      if (performance.now() - t0 - dueAt > 1) late++;
    }
    const r = opts.next();
    pending++;
    const req = request(
      { host: url.hostname, port: url.port, path: r.path, method: r.method, agent, headers: { ...r.headers, ...(r.body ? { 'Content-Length': String(Buffer.byteLength(r.body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          pending--;
          const latency = performance.now() - t0 - dueAt;
          const status = res.statusCode ?? 0;
          r.onResponse?.(status, Buffer.concat(chunks).toString());
          if (!counted) return;
          latencies.push(latency);
          statuses[status] = (statuses[status] ?? 0) + 1;
        });
      },
    );
    req.on('error', () => {
      pending--;
      if (counted) errors++;
    });
    req.setTimeout(10_000, () => req.destroy());
    req.end(r.body);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now() - t0;
      while (due <= now && due < endMs) {
        send(due);
        due += interval;
      }
      if (due >= endMs) return resolve();
      // setTimeout fires 1 ms late at best: requests due meanwhile go at the next tick, and their
      // latency still counts from when they were due.
      setTimeout(tick, Math.max(0, Math.min(1, due - now)));
    };
    tick();
  });
  const deadline = performance.now() + 10_000;
  while (pending > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { offered, completed: latencies.length, rps: latencies.length / opts.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, statuses, errors, late };
}
