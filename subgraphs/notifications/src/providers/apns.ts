// Push to iOS through Apple's APNs provider API: HTTP/2, POST /3/device/<token>, authorised by a provider token
// (an ES256 JWT signed with the team's .p8 key, reused for 50 minutes as Apple asks: not more often than every 20).
import http2 from 'node:http2';
import { importPKCS8, SignJWT } from 'jose';
import { httpError, networkError, type PushMessage, type PushResult } from './types.js';

export interface ApnsOptions {
  teamId: string;
  keyId: string;
  /** The .p8 key's PEM text. */
  privateKey: string;
  /** The app's bundle id (apns-topic). */
  bundleId: string;
  /** Default https://api.push.apple.com (https://api.sandbox.push.apple.com for development builds; a fake in tests). */
  origin?: string;
  timeoutMs?: number;
}

const TOKEN_REUSE_MS = 50 * 60_000;
/** APNs reasons meaning the token will never work again. */
const INVALID_TOKEN_REASONS = new Set(['BadDeviceToken', 'Unregistered', 'DeviceTokenNotForTopic']);

export function createApnsSender(options: ApnsOptions) {
  const origin = options.origin ?? 'https://api.push.apple.com';
  let session: http2.ClientHttp2Session | null = null;
  let providerToken: { jwt: string; at: number } | null = null;

  async function jwt(): Promise<string> {
    if (providerToken && Date.now() - providerToken.at < TOKEN_REUSE_MS) return providerToken.jwt;
    const key = await importPKCS8(options.privateKey, 'ES256');
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: options.keyId }).setIssuer(options.teamId).setIssuedAt().sign(key);
    providerToken = { jwt: token, at: Date.now() };
    return token;
  }

  function connection(): http2.ClientHttp2Session {
    if (session && !session.closed && !session.destroyed) return session;
    session = http2.connect(origin);
    session.on('error', () => (session = null));
    session.on('goaway', () => (session = null));
    return session;
  }

  function request(headers: http2.OutgoingHttpHeaders, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const stream = connection().request(headers);
      stream.setTimeout(options.timeoutMs ?? 10_000, () => stream.close(http2.constants.NGHTTP2_CANCEL));
      let status = 0;
      let text = '';
      stream.on('response', (h) => (status = Number(h[':status'])));
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (text += chunk));
      stream.on('end', () => resolve({ status, text }));
      stream.on('close', () => status === 0 && reject(new Error('stream closed without a response')));
      stream.on('error', reject);
      stream.end(body);
    });
  }

  async function send(message: PushMessage): Promise<PushResult> {
    const payload = JSON.stringify({
      aps: { alert: { title: message.title, body: message.body }, sound: 'default' },
      notificationId: message.notificationId,
      link: message.link,
    });
    let answer: { status: number; text: string };
    try {
      answer = await request(
        {
          ':method': 'POST',
          ':path': `/3/device/${message.token}`,
          authorization: `bearer ${await jwt()}`,
          'apns-topic': options.bundleId,
          'apns-push-type': 'alert',
          'apns-priority': '10',
          'content-type': 'application/json',
        },
        payload,
      );
    } catch (error) {
      session?.destroy();
      session = null;
      throw networkError('APNs', error);
    }
    if (answer.status === 200) return { status: 'sent' };
    const reason = apnsReason(answer.text);
    if (answer.status === 410 || (reason && INVALID_TOKEN_REASONS.has(reason))) return { status: 'invalid_token' };
    if (reason === 'ExpiredProviderToken') providerToken = null;
    // 403 ExpiredProviderToken is ours to fix by signing anew: worth retrying.
    throw httpError('APNs', reason === 'ExpiredProviderToken' ? 503 : answer.status, reason ?? answer.text);
  }

  return {
    send,
    async close() {
      session?.close();
      session = null;
    },
  };
}

function apnsReason(text: string): string | null {
  try {
    return (JSON.parse(text) as { reason?: string }).reason ?? null;
  } catch {
    return null;
  }
}
