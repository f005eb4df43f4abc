// The diagnostics section of an organisation's page (filled in by the questionnaire module).
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Organisation } from '../db/organisations.ts';

export function organisationDiagnosticsSection(_c: Context<AppEnv>, _org: Organisation) {
  return null;
}
