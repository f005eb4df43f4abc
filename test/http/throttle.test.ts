// Password guessing through the application, with concurrent requests: attempts are counted
// before the password is hashed, per account and address, and per address.
import { describe, it, expect } from 'vitest';
import { Client, makeApp, org, user, PASSWORD, text } from '../support/app.ts';
import { t } from '../../src/i18n/index.ts';

function at(address: string) {
  return { headers: { 'X-Forwarded-For': address } };
}

describe('login throttling under concurrency', () => {
  it('lets 5 of 300 concurrent wrong passwords reach the hash; the right one sent last gets 429', async () => {
    const ctx = makeApp({ trustProxy: true });
    await user(ctx.db, 'admin', 'admin@cap.test');
    const c = new Client(ctx);
    await c.get('/login');
    const wrong = await Promise.all(Array.from({ length: 300 }, (_, i) => c.post('/login', { email: 'admin@cap.test', password: `faux-${i}-mot-de-passe` }, at('203.0.113.7'))));
    const right = await c.post('/login', { email: 'admin@cap.test', password: PASSWORD }, at('203.0.113.7'));
    expect(wrong.filter((r) => r.status === 401)).toHaveLength(5);
    expect(wrong.filter((r) => r.status === 429)).toHaveLength(295);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(text(await right.text())).toContain('Trop de tentatives de connexion');
    expect(right.headers.get('Set-Cookie') ?? '').not.toContain('cap_session');
  });

  it('does not let guesses from one address lock the owner out from another; the per-address limit stays', async () => {
    const ctx = makeApp({ trustProxy: true });
    await user(ctx.db, 'admin', 'admin@cap.test');
    const attacker = new Client(ctx);
    await attacker.get('/login');
    for (let i = 0; i < 12; i++) await attacker.post('/login', { email: 'admin@cap.test', password: `essai-${i}-au-hasard` }, at('203.0.113.7'));
    expect((await attacker.post('/login', { email: 'admin@cap.test', password: PASSWORD }, at('203.0.113.7'))).status).toBe(429);

    const owner = new Client(ctx);
    await owner.get('/login');
    const res = await owner.post('/login', { email: 'admin@cap.test', password: PASSWORD }, at('198.51.100.20'));
    expect(res.status).toBe(303);

    // 20 failures over distinct accounts lock the address itself, for every account.
    const sprayer = new Client(ctx);
    await sprayer.get('/login');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await sprayer.post('/login', { email: `x${i}@exemple.fr`, password: 'au-hasard-1234' }, at('192.0.2.9'))).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect((await sprayer.post('/login', { email: 'admin@cap.test', password: PASSWORD }, at('192.0.2.9'))).status).toBe(429);
  });

  it('grows the delay for one account and address: after the wait, one attempt, then a longer wait', async () => {
    const ctx = makeApp({ trustProxy: true });
    await user(ctx.db, 'admin', 'admin@cap.test');
    const c = new Client(ctx);
    await c.get('/login');
    for (let i = 0; i < 5; i++) await c.post('/login', { email: 'admin@cap.test', password: `essai-${i}-au-hasard` }, at('203.0.113.7'));
    const first = await c.post('/login', { email: 'admin@cap.test', password: PASSWORD }, at('203.0.113.7'));
    expect(first.headers.get('Retry-After')).toBe('60');
    ctx.now.value = new Date(ctx.now.value.getTime() + 60_000);
    expect((await c.post('/login', { email: 'admin@cap.test', password: 'encore-un-essai' }, at('203.0.113.7'))).status).toBe(401);
    const second = await c.post('/login', { email: 'admin@cap.test', password: PASSWORD }, at('203.0.113.7'));
    expect(second.status).toBe(429);
    expect(second.headers.get('Retry-After')).toBe('120');
    expect(text(await second.text())).toContain(text(t.auth.throttled(2)));
  });

  it('counts « Mon compte »’s current password the same way, concurrent attempts included', async () => {
    const ctx = makeApp({ trustProxy: true });
    const orgId = org(ctx.db);
    await user(ctx.db, 'member', 'membre@cap.test', { organisationIds: [orgId] });
    const c = new Client(ctx);
    await c.login('membre@cap.test');
    await c.get('/account');
    const attempt = (current: string) => c.post('/account/password', { current, password: 'une-nouvelle-phrase-longue', passwordConfirm: 'une-nouvelle-phrase-longue' }, at('203.0.113.7'));
    const wrong = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`mauvais-${i}-xxxxxx`)));
    expect(wrong.filter((r) => r.status === 422)).toHaveLength(5);
    expect(wrong.filter((r) => r.status === 429)).toHaveLength(95);
    expect((await attempt(PASSWORD)).status).toBe(429);
    // Still the old password.
    expect((await new Client(ctx).login('membre@cap.test')).status).toBe(303);
  });
});
