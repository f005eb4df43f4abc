// Environment settings, parsed once at start. An invalid value stops the process with a one-line
// message naming the setting, rather than failing later in an obscure place.
import { z } from 'zod';

const settingsSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    CAP_DATA_DIR: z.string().min(1).default('./data'),
    CAP_ADMIN_EMAIL: z.email().optional(),
    CAP_ADMIN_PASSWORD: z.string().min(10).optional(),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** 1 mounts the benchmark's baseline route (npm run bench); never in an ordinary deployment. */
    CAP_BENCH: z.enum(['0', '1']).transform((v) => v === '1').optional(),
    /** 1 behind a reverse proxy: the client address is then read from X-Forwarded-For. */
    CAP_TRUST_PROXY: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  })
  .refine((s) => !s.CAP_ADMIN_EMAIL === !s.CAP_ADMIN_PASSWORD, {
    path: ['CAP_ADMIN_PASSWORD'],
    message: 'CAP_ADMIN_EMAIL et CAP_ADMIN_PASSWORD vont ensemble',
  });

export type Settings = z.infer<typeof settingsSchema>;

const MESSAGES: Record<string, string> = {
  PORT: 'un numéro de port entre 0 et 65535 est attendu',
  HOST: 'une adresse ou un nom d’hôte est attendu',
  CAP_DATA_DIR: 'un chemin de dossier est attendu',
  CAP_ADMIN_EMAIL: 'une adresse électronique valide est attendue',
  CAP_ADMIN_PASSWORD: '10 caractères au moins sont attendus',
  NODE_ENV: 'development, production ou test',
  CAP_BENCH: '0 ou 1',
  CAP_TRUST_PROXY: '0 ou 1',
};

export class SettingsError extends Error {}

/** Parses the environment; empty strings count as unset. */
export function parseSettings(env: Record<string, string | undefined>): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = settingsSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'paramètre');
  const message = issue.code === 'custom' ? issue.message : MESSAGES[name] ?? issue.message;
  throw new SettingsError(`Paramètre ${name} invalide (${JSON.stringify(env[name] ?? '')}) : ${message}`);
}
