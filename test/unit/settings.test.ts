import { describe, it, expect } from 'vitest';
import { parseSettings, publicUrl, SettingsError } from '../../src/settings.ts';

describe('settings', () => {
  it('has defaults for a first start', () => {
    expect(parseSettings({})).toEqual({ PORT: 3000, HOST: '127.0.0.1', CAP_DATA_DIR: './data', NODE_ENV: 'development', CAP_TRUST_PROXY: false, CAP_FILES_QUOTA_MB: 200, CAP_LOG_LEVEL: 'info' });
  });
  it('reads every setting', () => {
    const s = parseSettings({ PORT: '8080', HOST: '0.0.0.0', CAP_DATA_DIR: '/srv/cap', CAP_ADMIN_EMAIL: 'a@b.fr', CAP_ADMIN_PASSWORD: 'une-phrase-solide', NODE_ENV: 'production' });
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
    [{ CAP_ADMIN_EMAIL: 'pas-une-adresse', CAP_ADMIN_PASSWORD: 'une-phrase-solide' }, /CAP_ADMIN_EMAIL/],
    [{ CAP_ADMIN_EMAIL: 'a@b.fr', CAP_ADMIN_PASSWORD: 'court' }, /CAP_ADMIN_PASSWORD/],
    [{ CAP_ADMIN_EMAIL: 'a@b.fr' }, /CAP_ADMIN_PASSWORD/],
    [{ CAP_TRUST_PROXY: 'oui' }, /^Paramètre CAP_TRUST_PROXY invalide \("oui"\) : 0 ou 1$/],
    [{ CAP_SMTP_URL: 'http://mail.exemple.org' }, /^Paramètre CAP_SMTP_URL invalide .*smtp:\/\//],
    [{ CAP_SMTP_URL: 'smtp://mail.exemple.org:587' }, /^Paramètre CAP_MAIL_FROM invalide .*avec CAP_SMTP_URL/],
    [{ CAP_SMTP_URL: 'smtp://mail.exemple.org:587', CAP_MAIL_FROM: 'cap@exemple.org' }, /^Paramètre CAP_PUBLIC_URL invalide .*avec CAP_SMTP_URL/],
    [{ CAP_MAIL_FROM: 'CAP sans adresse' }, /^Paramètre CAP_MAIL_FROM invalide/],
    [{ CAP_MAIL_FROM: 'CAP <cap@exemple.org>\r\nBcc: x@y.z' }, /^Paramètre CAP_MAIL_FROM invalide/],
    [{ CAP_PUBLIC_URL: 'cap.exemple.org' }, /^Paramètre CAP_PUBLIC_URL invalide/],
    [{ CAP_PUBLIC_URL: 'https://cap.exemple.org/?a=1' }, /^Paramètre CAP_PUBLIC_URL invalide/],
  ])('refuses %o with a one-line message naming the setting', (env, message) => {
    expect(() => parseSettings(env)).toThrow(SettingsError);
    try {
      parseSettings(env);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('reads the mail settings: SMTP with its sender and public address, or nothing (the outbox)', () => {
    const s = parseSettings({ CAP_SMTP_URL: 'smtps://cap:secret@mail.exemple.org:465', CAP_MAIL_FROM: 'CAP Coorace <cap@exemple.org>', CAP_PUBLIC_URL: 'https://cap.exemple.org/' });
    expect(s).toMatchObject({ CAP_SMTP_URL: 'smtps://cap:secret@mail.exemple.org:465', CAP_MAIL_FROM: 'CAP Coorace <cap@exemple.org>', CAP_PUBLIC_URL: 'https://cap.exemple.org' });
    expect(publicUrl(s)).toBe('https://cap.exemple.org');
    expect(parseSettings({ CAP_MAIL_FROM: 'cap@exemple.org' }).CAP_MAIL_FROM).toBe('cap@exemple.org');
  });
  it('links point to the address CAP listens on when CAP_PUBLIC_URL is unset', () => {
    expect(publicUrl(parseSettings({}))).toBe('http://127.0.0.1:3000');
    expect(publicUrl(parseSettings({ HOST: '0.0.0.0', PORT: '8080' }))).toBe('http://localhost:8080');
    expect(publicUrl(parseSettings({ HOST: '::1' }))).toBe('http://[::1]:3000');
  });
  it('never prints a password in its error message', () => {
    expect(() => parseSettings({ CAP_SMTP_URL: 'ftp://cap:secret@mail.exemple.org' })).toThrow(/"ftp:\/\/…@mail.exemple.org"/);
    try {
      parseSettings({ CAP_SMTP_URL: 'ftp://cap:secret@mail.exemple.org' });
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
    expect(() => parseSettings({ CAP_ADMIN_EMAIL: 'a@b.fr', CAP_ADMIN_PASSWORD: 'court' })).toThrow(/\("…"\)/);
  });
});
