import { describe, it, expect } from 'vitest';
import { parseSettings, SettingsError } from '../../src/settings.ts';

describe('settings', () => {
  it('has defaults for a first start', () => {
    expect(parseSettings({})).toEqual({ PORT: 3000, HOST: '127.0.0.1', CAP_DATA_DIR: './data', NODE_ENV: 'development', CAP_TRUST_PROXY: false });
  });
  it('reads every setting', () => {
    const s = parseSettings({ PORT: '8080', HOST: '0.0.0.0', CAP_DATA_DIR: '/srv/cap', CAP_ADMIN_EMAIL: 'a@b.fr', CAP_ADMIN_PASSWORD: '0123456789', NODE_ENV: 'production' });
    expect(s).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', CAP_DATA_DIR: '/srv/cap', NODE_ENV: 'production' });
  });
  it('trusts X-Forwarded-For only when CAP_TRUST_PROXY is 1', () => {
    expect(parseSettings({ CAP_TRUST_PROXY: '1' }).CAP_TRUST_PROXY).toBe(true);
    expect(parseSettings({ CAP_TRUST_PROXY: '0' }).CAP_TRUST_PROXY).toBe(false);
  });
  it('treats empty values as unset', () => {
    expect(parseSettings({ PORT: '' }).PORT).toBe(3000);
  });
  it.each([
    [{ PORT: 'abc' }, /^Paramètre PORT invalide \("abc"\)/],
    [{ PORT: '70000' }, /PORT/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ CAP_ADMIN_EMAIL: 'pas-une-adresse', CAP_ADMIN_PASSWORD: '0123456789' }, /CAP_ADMIN_EMAIL/],
    [{ CAP_ADMIN_EMAIL: 'a@b.fr', CAP_ADMIN_PASSWORD: 'court' }, /CAP_ADMIN_PASSWORD/],
    [{ CAP_ADMIN_EMAIL: 'a@b.fr' }, /CAP_ADMIN_PASSWORD/],
    [{ CAP_TRUST_PROXY: 'oui' }, /^Paramètre CAP_TRUST_PROXY invalide \("oui"\) : 0 ou 1$/],
  ])('refuses %o with a one-line message naming the setting', (env, message) => {
    expect(() => parseSettings(env)).toThrow(SettingsError);
    try {
      parseSettings(env);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
