// SMS through Twilio's Messages API (or any service speaking it): POST form-encoded to
// /2010-04-01/Accounts/<sid>/Messages.json with HTTP basic auth.
import { httpError, networkError, ProviderError, type SmsProvider } from './types.js';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** The sender: a phone number in E.164 or a messaging service sid (MG…). */
  from: string;
  /** Default https://api.twilio.com (a fake in tests). */
  apiBase?: string;
  timeoutMs?: number;
}

/** Twilio error codes meaning this number can never receive the message (invalid, unreachable, opted out). */
const PERMANENT_CODES = new Set([21211, 21610, 21612, 21614]);

export function createTwilioSmsProvider(options: TwilioOptions): SmsProvider {
  const apiBase = options.apiBase ?? 'https://api.twilio.com';
  const auth = Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64');
  return {
    async send({ to, body }) {
      const form = new URLSearchParams({ To: to, Body: body });
      form.set(options.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', options.from);
      let response: Response;
      try {
        response = await fetch(`${apiBase}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`, {
          method: 'POST',
          headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: form,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw networkError('Twilio', error);
      }
      if (response.ok) return;
      const text = await response.text();
      const code = twilioCode(text);
      if (code !== null && PERMANENT_CODES.has(code)) throw new ProviderError(`Twilio refused the number: ${text.slice(0, 200)}`, false, `twilio_${code}`);
      throw httpError('Twilio', response.status, text);
    },
  };
}

function twilioCode(text: string): number | null {
  try {
    return (JSON.parse(text) as { code?: number }).code ?? null;
  } catch {
    return null;
  }
}
