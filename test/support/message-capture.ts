// The development providers' messages ("development email" and "development SMS" log lines), caught from a
// supergraph's logger: tests read the links identity emails (email verification, password reset) and the codes it
// texts the way a user would open them, and sign in by phone code through the gateway like an app.
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { gatewayData } from './gateway-apps.js';

export interface CapturedEmail {
  to: string;
  subject: string;
  text: string;
}

export interface CapturedSms {
  to: string;
  text: string;
}

export interface MessageCapture {
  emails: CapturedEmail[];
  sms: CapturedSms[];
  /** Give this to the supergraph (`startTestSupergraph({ logger })`). */
  logger: Logger;
  /** The token of the newest verification link sent to `to`. */
  verificationToken: (to: string) => string | undefined;
  /** The six-digit code in the newest SMS to `phone`. */
  lastCode: (phone: string) => string | undefined;
}

export function messageCapture(): MessageCapture {
  const emails: CapturedEmail[] = [];
  const sms: CapturedSms[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const parsed = JSON.parse(line) as { msg?: string; to?: string; subject?: string; text?: string };
        if (parsed.msg === 'development email') emails.push({ to: parsed.to!, subject: parsed.subject!, text: parsed.text! });
        if (parsed.msg === 'development SMS') sms.push({ to: parsed.to!, text: parsed.text! });
      }
      done();
    },
  });
  const verificationToken = (to: string) => /verify-email\?token=([A-Za-z0-9_-]+)/.exec(emails.filter((m) => m.to === to).at(-1)?.text ?? '')?.[1];
  const lastCode = (phone: string) => /\b(\d{6})\b/.exec(sms.filter((m) => m.to === phone).at(-1)?.text ?? '')?.[1];
  return { emails, sms, logger: pino({ level: 'info' }, stream), verificationToken, lastCode };
}

export interface PhoneSignIn {
  accessToken: string;
  userId: string;
  roles: string[];
  newUser: boolean;
  /** Ready-made request headers for the signed-in user. */
  headers: Record<string, string>;
}

/**
 * Signs in by phone code through the gateway as an app does (requestOtp, then verifyOtp with the texted code): a
 * real session, for what needs one (a recent sign-in, a push device tied to the session).
 * @throws when either step answers with errors or user errors.
 */
export async function signInByPhoneCode(gatewayUrl: string, capture: MessageCapture, phone: string): Promise<PhoneSignIn> {
  const requested = await gatewayData(gatewayUrl, 'mutation ($phone: String!) { requestOtp(phone: $phone) { sent userErrors { code } } }', { phone }, {});
  if (!requested.requestOtp.sent) throw new Error(`requestOtp(${phone}) was refused: ${JSON.stringify(requested.requestOtp.userErrors)}`);
  const code = capture.lastCode(phone);
  if (!code) throw new Error(`no SMS code reached ${phone}`);
  const verified = await gatewayData(
    gatewayUrl,
    'mutation ($phone: String!, $code: String!) { verifyOtp(phone: $phone, code: $code) { accessToken userId roles newUser userErrors { code } } }',
    { phone, code },
    {},
  );
  const result = verified.verifyOtp as { accessToken: string | null; userId: string; roles: string[]; newUser: boolean; userErrors: { code: string }[] };
  if (!result.accessToken) throw new Error(`verifyOtp(${phone}) was refused: ${JSON.stringify(result.userErrors)}`);
  const { accessToken, userId, roles, newUser } = result;
  return { accessToken, userId, roles, newUser, headers: { authorization: `Bearer ${accessToken}` } };
}
