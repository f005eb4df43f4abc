// One structured line per request (JSON, with pino): method, path without its query string,
// status, duration and the signed-in user's id. Nothing a request carries in its body, query or
// headers is logged: no password, no token, no answer text. A path segment that looks like a
// secret token (invitation, password reset: 32 random bytes and more) is replaced by « :token ».
import { pino, type Logger, type DestinationStream, type Level } from 'pino';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

export type { Logger };

export const LOG_LEVELS = ['info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The server's logger; `destination` is for tests (stdout otherwise). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Defence in depth: were a form or a request ever logged by mistake, these would not be written.
      redact: { paths: ['password', '*.password', 'headers.cookie', '*.headers.cookie', 'headers["x-csrf-token"]', '*.headers["x-csrf-token"]'], censor: '[caché]' },
    },
    destination,
  );
}

/** Loggers that write nothing: the default of createApp, so tests stay quiet. */
export const silentLogger: Logger = pino({ level: 'silent' });

const SECRET_SEGMENT = /^[A-Za-z0-9_-]{32,}$/;

/** The path as logged: no query string, secret-looking segments replaced. */
export function loggedPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (SECRET_SEGMENT.test(segment) ? ':token' : segment.slice(0, 100)))
    .join('/');
}

function levelFor(status: number): Level {
  return status >= 500 ? 'error' : 'info';
}

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const status = c.res.status;
    const fields = {
      method: c.req.method,
      path: loggedPath(c.req.path),
      status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      user: c.get('user')?.id ?? null,
    };
    logger[levelFor(status)](fields, 'requête');
  };
}
