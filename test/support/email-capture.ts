// The development email provider's messages ("development email" log lines), caught from a supergraph's logger: tests
// read the links identity sends (email verification, password reset) the way a user would open them.
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export interface CapturedEmail {
  to: string;
  subject: string;
  text: string;
}

export function emailCapture(): { emails: CapturedEmail[]; logger: Logger; verificationToken: (to: string) => string | undefined } {
  const emails: CapturedEmail[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const parsed = JSON.parse(line) as { msg?: string; to?: string; subject?: string; text?: string };
        if (parsed.msg === 'development email') emails.push({ to: parsed.to!, subject: parsed.subject!, text: parsed.text! });
      }
      done();
    },
  });
  /** The token of the newest verification link sent to `to`. */
  const verificationToken = (to: string) => /verify-email\?token=([A-Za-z0-9_-]+)/.exec(emails.filter((m) => m.to === to).at(-1)?.text ?? '')?.[1];
  return { emails, logger: pino({ level: 'info' }, stream), verificationToken };
}
