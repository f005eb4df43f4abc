// A real SMTP server inside the test process (smtp-server), with what it receives parsed by
// mailparser: tests point CAP_SMTP_URL at it and read the messages as a mail reader would.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export const SMTP_USER = 'cap';
export const SMTP_PASS = 'mot-de-passe-smtp';

export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  /** Recipients refused with 550, as a server does for an address that does not exist. */
  readonly refused = new Set<string>();
  private server: SMTPServer | null = null;
  private constructor(public port: number) {}

  static async start(port = 0): Promise<TestSmtp> {
    const smtp = new TestSmtp(port);
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${this.port}`;
  }

  /** Listens (again) on the same port: a server that was down comes back. */
  async listen(): Promise<void> {
    const server = new SMTPServer({
      hideSTARTTLS: true,
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, cb) => (auth.username === SMTP_USER && auth.password === SMTP_PASS ? cb(null, { user: auth.username }) : cb(new Error('Identifiants refusés'))),
      onRcptTo: (address, _session, cb) => {
        if (this.refused.has(address.address)) {
          const err = new Error('Boîte inconnue') as Error & { responseCode: number };
          err.responseCode = 550;
          return cb(err);
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          // Recorded before the server answers 250: once a send resolves, the message is here.
          simpleParser(raw)
            .then((parsed) => {
              const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
              this.received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: raw.toString('utf8'), parsed });
              cb();
            })
            .catch(cb);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: the next sends fail to connect until listen() is called again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

/** The first link of a message's text part that starts with `prefix` (e.g. http://cap.test/invitations/). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const text = mail.parsed.text ?? '';
  const found = text.split(/\s+/).find((w) => w.startsWith(prefix));
  if (!found) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return found;
}
