// Environment settings, parsed once at start. An invalid value stops the process with a one-line
// message naming the setting, rather than failing later in an obscure place.
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './auth/password.ts';

const MESSAGES = {
  PORT: 'un numéro de port entre 0 et 65535 est attendu',
  HOST: 'une adresse ou un nom d’hôte est attendu',
  CAP_DATA_DIR: 'un chemin de dossier est attendu',
  CAP_ADMIN_EMAIL: 'une adresse électronique valide est attendue',
  CAP_ADMIN_PASSWORD: `${MIN_PASSWORD_LENGTH} caractères au moins sont attendus`,
  NODE_ENV: 'development, production ou test',
  CAP_BENCH: '0 ou 1',
  CAP_TRUST_PROXY: '0 ou 1',
  CAP_FILES_QUOTA_MB: 'un nombre entier de mégaoctets (1 à 1000000)',
  CAP_LOG_LEVEL: 'info, warn, error ou silent',
  CAP_SMTP_URL: 'une adresse smtp://utilisateur:mot-de-passe@serveur:587 ou smtps://…:465 est attendue',
  CAP_MAIL_FROM: 'une adresse électronique est attendue, par exemple « CAP <cap@exemple.org> »',
  CAP_PUBLIC_URL: 'une adresse http(s)://… sans paramètres est attendue, par exemple https://cap.exemple.org',
};

const settingsSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    CAP_DATA_DIR: z.string().min(1).default('./data'),
    CAP_ADMIN_EMAIL: z.email().optional(),
    CAP_ADMIN_PASSWORD: z.string().min(MIN_PASSWORD_LENGTH).optional(),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** 1 mounts the benchmark's baseline route (npm run bench); never in an ordinary deployment. */
    CAP_BENCH: z.enum(['0', '1']).transform((v) => v === '1').optional(),
    /** 1 behind a reverse proxy: the client address is then read from X-Forwarded-For. */
    CAP_TRUST_PROXY: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
    /** info: one line per request; warn or error: problems only; silent: nothing. */
    CAP_LOG_LEVEL: z.enum(['info', 'warn', 'error', 'silent']).default('info'),
    /** smtp://user:pass@host:587 or smtps://…:465; absent, messages are written to CAP_DATA_DIR/outbox/. */
    CAP_SMTP_URL: z.string().refine(isSmtpUrl, MESSAGES.CAP_SMTP_URL).optional(),
    /** The From of every message: an address, or « Nom <adresse> ». */
    CAP_MAIL_FROM: z.string().max(320, MESSAGES.CAP_MAIL_FROM).refine(isMailbox, MESSAGES.CAP_MAIL_FROM).optional(),
    /** Where people reach CAP, for the links in messages (e.g. https://cap.example.org). */
    CAP_PUBLIC_URL: z.string().refine(isPublicUrl, MESSAGES.CAP_PUBLIC_URL).transform((v) => v.replace(/\/+$/, '')).optional(),
    /** Space for evidence files per organisation, in Mo (1 Mo = 1 048 576 octets). */
    CAP_FILES_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(200),
  })
  .refine((s) => !s.CAP_ADMIN_EMAIL === !s.CAP_ADMIN_PASSWORD, {
    path: ['CAP_ADMIN_PASSWORD'],
    message: 'CAP_ADMIN_EMAIL et CAP_ADMIN_PASSWORD vont ensemble',
  })
  // Messages that leave the machine need a real sender and links that work from elsewhere.
  .refine((s) => !s.CAP_SMTP_URL || s.CAP_MAIL_FROM, { path: ['CAP_MAIL_FROM'], message: 'une adresse d’expédition est attendue avec CAP_SMTP_URL' })
  .refine((s) => !s.CAP_SMTP_URL || s.CAP_PUBLIC_URL, { path: ['CAP_PUBLIC_URL'], message: 'l’adresse publique de CAP est attendue avec CAP_SMTP_URL' });

export type Settings = z.infer<typeof settingsSchema>;

function isSmtpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'smtp:' || u.protocol === 'smtps:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function isPublicUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.search && !u.hash && !u.username && !u.password;
  } catch {
    return false;
  }
}

const ADDRESS = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+$/;

/** « adresse » or « Nom <adresse> »: one mailbox, as RFC 5322 allows in From. */
function isMailbox(value: string): boolean {
  const v = value.trim();
  const named = /^(.*\S)?\s*<([^<>]+)>$/.exec(v);
  return named ? ADDRESS.test(named[2]!) && !/[\r\n]/.test(named[1] ?? '') : ADDRESS.test(v);
}

/** Where links in messages point: CAP_PUBLIC_URL, or the address CAP listens on. */
export function publicUrl(s: Pick<Settings, 'CAP_PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (s.CAP_PUBLIC_URL) return s.CAP_PUBLIC_URL;
  const host = s.HOST === '0.0.0.0' || s.HOST === '::' ? 'localhost' : s.HOST.includes(':') ? `[${s.HOST}]` : s.HOST;
  return `http://${host}:${s.PORT}`;
}

/** The sender of messages written to the outbox when no SMTP server is set. */
export const DEFAULT_MAIL_FROM = 'CAP <ne-pas-repondre@localhost>';


export class SettingsError extends Error {}

/** Parses the environment; empty strings count as unset. */
export function parseSettings(env: Record<string, string | undefined>): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = settingsSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'paramètre');
  const message = issue.code === 'custom' ? issue.message : (MESSAGES as Record<string, string>)[name] ?? issue.message;
  throw new SettingsError(`Paramètre ${name} invalide (${JSON.stringify(shown(name, env[name] ?? ''))}) : ${message}`);
}

/** The value as an error message may print it: secrets hidden. */
function shown(name: string, value: string): string {
  if (name === 'CAP_ADMIN_PASSWORD') return '…';
  if (name === 'CAP_SMTP_URL') return value.replace(/\/\/([^/@]*)@/, '//…@');
  return value;
}
