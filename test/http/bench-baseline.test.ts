// The benchmark's baseline route: absent by default, and when mounted (CAP_BENCH=1) behind the same
// session and CSRF checks as the answer autosave it is compared with.
import { describe, it, expect } from 'vitest';
import { Client, makeApp, user, text, type TestContext } from '../support/app.ts';
import { createApp } from '../../src/app.ts';
import { LoginThrottle } from '../../src/auth/throttle.ts';
import { parseSettings, SettingsError } from '../../src/settings.ts';

function withBaseline(): TestContext {
  const ctx = makeApp();
  return { ...ctx, app: createApp({ db: ctx.db, clock: () => ctx.now.value, throttle: new LoginThrottle(), benchBaseline: true }) };
}

describe('POST /bench/baseline', () => {
  it('does not exist unless the app is built with benchBaseline', async () => {
    const ctx = makeApp();
    await user(ctx.db, 'member', 'membre@cap.test');
    const c = new Client(ctx);
    await c.login('membre@cap.test');
    const res = await c.post('/bench/baseline', { level: '2' });
    expect(res.status).toBe(404);
  });

  it('answers a constant fragment to a signed-in htmx request carrying the CSRF header', async () => {
    const ctx = withBaseline();
    await user(ctx.db, 'member', 'membre@cap.test');
    const c = new Client(ctx);
    await c.login('membre@cap.test');
    const res = await c.post('/bench/baseline', { level: '3', comment: '' }, { csrf: null, headers: { 'HX-Request': 'true', 'X-CSRF-Token': c.csrf } });
    expect(res.status).toBe(200);
    expect(text(await res.text())).toBe('Enregistré');
  });

  it('goes through the same guards as a real save: CSRF proof, then a session', async () => {
    const ctx = withBaseline();
    await user(ctx.db, 'member', 'membre@cap.test');
    const signedIn = new Client(ctx);
    await signedIn.login('membre@cap.test');
    const forged = await signedIn.post('/bench/baseline', { level: '1' }, { csrf: null, headers: { 'HX-Request': 'true' } });
    expect(forged.status).toBe(403);
    expect(text(await forged.text())).toContain('jeton de sécurité');

    const anonymous = new Client(ctx);
    await anonymous.get('/login');
    const res = await anonymous.post('/bench/baseline', { level: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/login');
  });
});

describe('CAP_BENCH setting', () => {
  it('is off unless set to 1', () => {
    expect(parseSettings({}).CAP_BENCH).toBeUndefined();
    expect(parseSettings({ CAP_BENCH: '0' }).CAP_BENCH).toBe(false);
    expect(parseSettings({ CAP_BENCH: '1' }).CAP_BENCH).toBe(true);
  });

  it('refuses another value with a message naming it', () => {
    expect(() => parseSettings({ CAP_BENCH: 'oui' })).toThrow(SettingsError);
    expect(() => parseSettings({ CAP_BENCH: 'oui' })).toThrow(/^Paramètre CAP_BENCH invalide \("oui"\) : 0 ou 1$/);
  });
});
