import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server';

/** A mail the test SMTP server accepted: its envelope recipients and the parsed message. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server for the tests (smtp-server on a free port, no TLS, no authentication)
 * that keeps every message it accepts; `failNext` makes it answer the next N messages with
 * 451 (a temporary failure, which a sender retries).
 */
export class TestSmtp {
  readonly mails: ReceivedMail[] = [];
  /** Messages answered 451 so far. */
  refused = 0;
  failNext = 0;
  port = 0;
  private server?: SMTPServer;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        if (this.failNext > 0) {
          this.failNext--;
          this.refused++;
          return callback(
            Object.assign(new Error('try again later'), { responseCode: 451 }) as Error,
          );
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.mails.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              parsed,
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve()));
  }

  /** The mails received for `address`. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Waits until `count` mails for `address` have come (at most `timeoutMs`), and returns them. */
  async waitFor(address: string, count = 1, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      if (Date.now() > deadline)
        throw new Error(
          `${count} mail(s) for ${address} did not come within ${timeoutMs} ms (got ${this.to(address).length})`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
    return this.to(address);
  }
}

/** The token of the link to set a password in a mail's text. */
export function tokenIn(text: string): string {
  const match = /#\/imposta-password\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no password link in:\n${text}`);
  return match[1];
}
