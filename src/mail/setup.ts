// The transport the settings ask for: SMTP with CAP_SMTP_URL, else the outbox folder.
import { join } from 'node:path';
import { DEFAULT_MAIL_FROM, type Settings } from '../settings.ts';
import { outboxTransport, smtpTransport, type MailTransport } from './transport.ts';

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

export function transportFromSettings(s: Pick<Settings, 'CAP_SMTP_URL' | 'CAP_MAIL_FROM' | 'CAP_DATA_DIR'>): MailTransport {
  const from = s.CAP_MAIL_FROM ?? DEFAULT_MAIL_FROM;
  return s.CAP_SMTP_URL ? smtpTransport(s.CAP_SMTP_URL, from) : outboxTransport(outboxDir(s.CAP_DATA_DIR), from);
}
