// Types shared by the app, its middleware and its route modules.
import type { Db } from './db/open.ts';
import type { Actor } from './auth/permissions.ts';
import type { LoginThrottle } from './auth/throttle.ts';
import type { ResetThrottle } from './auth/reset-throttle.ts';
import type { FileStore } from './evidence/store.ts';
import type { DiagnosticContext } from './db/diagnostics.ts';
import type { Organisation } from './db/organisations.ts';

export interface CurrentUser extends Actor {
  name: string;
  email: string;
}

export interface Flash {
  kind: 'success' | 'error' | 'info';
  message: string;
}

export interface AppDeps {
  db: Db;
  /** Injected so tests can move time (session expiry, overdue actions, throttling). */
  clock: () => Date;
  /** Secure cookies: on in production (behind HTTPS). */
  secureCookies: boolean;
  throttle: LoginThrottle;
  /** Behind a reverse proxy, the client address comes from X-Forwarded-For (its last entry). */
  trustProxy?: boolean;
  /** Evidence files: where they are stored, and their limits. */
  evidence: EvidenceSettings;
  /** Limits password-reset requests per e-mail address and per client address. */
  resetThrottle: ResetThrottle;
  /** The mail worker, told when a request queued a message (absent: the next poll sends it). */
  mail: MailDeps;
}

export interface EvidenceSettings {
  store: FileStore;
  maxFileBytes: number;
  quotaBytes: number;
  maxPerAnswer: number;
}

export interface MailDeps {
  wake(): void;
  /** Where messages go, for the support page: an SMTP server or the outbox folder. */
  transport: { kind: 'smtp' | 'outbox'; where: string };
  /** A floor on the answer time of « mot de passe oublié », so that it says nothing by its timing. */
  resetAnswerMs: number;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    user: CurrentUser | null;
    sessionId: string | null;
    csrf: string;
    flash: Flash | null;
    /** The diagnostic of the URL, loaded and authorised by loadDiagnostic() (src/web/load.ts). */
    diagnostic: DiagnosticContext;
    /** The organisation of the URL, loaded and authorised by loadOrganisation(). */
    organisation: Organisation;
  };
};
