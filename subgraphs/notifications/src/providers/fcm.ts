// Push to Android and web through Firebase Cloud Messaging's HTTP v1 API (messages:send), authorised by an OAuth 2
// access token obtained with the service account's key (JWT bearer grant), cached until shortly before it expires.
import { importPKCS8, SignJWT } from 'jose';
import { httpError, networkError, ProviderError, type PushMessage, type PushResult } from './types.js';

export interface FcmOptions {
  projectId: string;
  /** From the service account JSON. */
  clientEmail: string;
  privateKey: string;
  /** Default https://oauth2.googleapis.com/token (the service account's token_uri). */
  tokenUri?: string;
  /** Default https://fcm.googleapis.com (a fake in tests). */
  apiBase?: string;
  timeoutMs?: number;
}

const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';

export function createFcmSender(options: FcmOptions) {
  const tokenUri = options.tokenUri ?? 'https://oauth2.googleapis.com/token';
  const apiBase = options.apiBase ?? 'https://fcm.googleapis.com';
  const timeout = () => AbortSignal.timeout(options.timeoutMs ?? 10_000);
  let cached: { token: string; expiresAt: number } | null = null;

  async function accessToken(): Promise<string> {
    if (cached && cached.expiresAt > Date.now() + 60_000) return cached.token;
    const key = await importPKCS8(options.privateKey, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ scope: SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(options.clientEmail)
      .setAudience(tokenUri)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(key);
    let response: Response;
    try {
      response = await fetch(tokenUri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
        signal: timeout(),
      });
    } catch (error) {
      throw networkError('FCM token endpoint', error);
    }
    if (!response.ok) throw httpError('FCM token endpoint', response.status, await response.text());
    const body = (await response.json()) as { access_token: string; expires_in: number };
    cached = { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    return cached.token;
  }

  async function post(message: PushMessage): Promise<Response> {
    try {
      return await fetch(`${apiBase}/v1/projects/${encodeURIComponent(options.projectId)}/messages:send`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await accessToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          message: {
            token: message.token,
            notification: { title: message.title, body: message.body },
            data: { notificationId: message.notificationId, ...(message.link ? { link: message.link } : {}) },
          },
        }),
        signal: timeout(),
      });
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw networkError('FCM', error);
    }
  }

  return async function send(message: PushMessage): Promise<PushResult> {
    let response = await post(message);
    if (response.status === 401) {
      // The access token was revoked or expired early: one more try with a fresh one.
      cached = null;
      response = await post(message);
    }
    if (response.ok) return { status: 'sent' };
    const text = await response.text();
    if (fcmErrorCode(text) === 'UNREGISTERED' || (response.status === 400 && /registration token/i.test(text))) return { status: 'invalid_token' };
    throw httpError('FCM', response.status, text);
  };
}

/** The FcmError code in an error body (`error.details[].errorCode`), or null. */
function fcmErrorCode(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { details?: { errorCode?: string }[] } };
    return body.error?.details?.find((d) => d.errorCode)?.errorCode ?? null;
  } catch {
    return null;
  }
}
