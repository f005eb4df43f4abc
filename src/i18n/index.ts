// One catalogue for every string of the interface. Sections live in src/i18n/fr/*.ts so that
// each part of the app owns its strings; a second language is another object of the same type.
import { common } from './fr/common.ts';
import { auth } from './fr/auth.ts';
import { admin } from './fr/admin.ts';
import { orgs } from './fr/orgs.ts';
import { home } from './fr/home.ts';
import { questionnaire } from './fr/questionnaire.ts';
import { account } from './fr/account.ts';
import { federation } from './fr/federation.ts';
import { referentials } from './fr/referentials.ts';
import { results } from './fr/results.ts';
import { plan } from './fr/plan.ts';
import { mail } from './fr/mail.ts';
import { workshop } from './fr/workshop.ts';
import { certification } from './fr/certification.ts';
import { evidence } from './fr/evidence.ts';
import { invitations, passwordReset, notices, adminMail } from './fr/access.ts';
import { drafts } from './fr/drafts.ts';

export const fr = { common, auth, admin, orgs, home, questionnaire, drafts, federation, results, plan, referentials, account, mail, workshop, certification, evidence, invitations, passwordReset, notices, adminMail };
export type Messages = typeof fr;

/** The interface language today is French; `t` is the catalogue the views read. */
export const t: Messages = fr;
