// The channels' providers, behind one small interface each: the sender (services/sender.ts) knows nothing of SMTP,
// FCM, APNs or Twilio. Each has a development provider (writes to the log) and a real adapter.

export type PushPlatform = 'ANDROID' | 'IOS' | 'WEB';

export interface PushMessage {
  token: string;
  platform: PushPlatform;
  title: string;
  body: string;
  /** Deep link, sent as data for the app to open. */
  link: string | null;
  notificationId: string;
}

/** `invalid_token`: the provider says this token will never work again (uninstalled, expired): remove the device. */
export type PushResult = { status: 'sent' } | { status: 'invalid_token' };

export interface PushProvider {
  /** @throws ProviderError (transient: retry later; permanent: give up on this message). */
  send(message: PushMessage): Promise<PushResult>;
  close?(): Promise<void>;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  notificationId: string;
}

export interface EmailProvider {
  /** @throws ProviderError */
  send(message: EmailMessage): Promise<void>;
  close?(): Promise<void>;
}

export interface SmsMessage {
  /** E.164. */
  to: string;
  body: string;
  notificationId: string;
}

export interface SmsProvider {
  /** @throws ProviderError */
  send(message: SmsMessage): Promise<void>;
  close?(): Promise<void>;
}

export interface Providers {
  push: PushProvider;
  email: EmailProvider;
  sms: SmsProvider;
}

/** A provider's refusal or outage. `transient`: the same message may succeed later (outage, 5xx, 429, timeout). */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    /** Short machine-readable reason kept in the delivery log, e.g. `http_503`, `smtp_550`, `UNREGISTERED`. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** Transient unless the provider clearly refused this message: 4xx other than 408 and 429. */
export function httpError(provider: string, status: number, detail: string): ProviderError {
  const transient = status >= 500 || status === 408 || status === 429;
  return new ProviderError(`${provider} answered ${status}: ${detail.slice(0, 200)}`, transient, `http_${status}`);
}

/** A network failure (refused, reset, timeout): always transient. */
export function networkError(provider: string, error: unknown): ProviderError {
  const code = (error as { code?: string }).code ?? 'network';
  return new ProviderError(`${provider} unreachable: ${(error as Error).message}`, true, code);
}
