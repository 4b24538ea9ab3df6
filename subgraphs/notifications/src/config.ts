// notifications' own settings: which provider each channel uses and its secrets, read once at build time.
import { z } from 'zod';
import { ConfigError, envVar, readEnv } from '../../../platform/config/index.js';
import type { ApnsOptions } from './providers/apns.js';
import type { FcmOptions } from './providers/fcm.js';
import type { SmtpOptions } from './providers/smtp.js';
import type { TwilioOptions } from './providers/twilio.js';

export interface NotificationsConfig {
  /** null: the development provider (log). */
  push: { fcm: FcmOptions | null; apns: ApnsOptions | null } | null;
  email: SmtpOptions | null;
  sms: TwilioOptions | null;
  /**
   * Members of the consumer group `notifications` in one process (NOTIFICATIONS_CONSUMER_CONCURRENCY, default 16):
   * each holds one event at a time, and what they hold is handled as one batch, so more members make larger batches
   * (fewer transactions per event). Events of one user may then be handled out of order by a few milliseconds
   * (their inbox order follows handling); each member is one blocking Redis connection in distributed mode.
   */
  consumerConcurrency: number;
}

/**
 * NOTIFICATIONS_PUSH_PROVIDER=live (FCM_SERVICE_ACCOUNT and/or APNS_*), NOTIFICATIONS_EMAIL_PROVIDER=smtp (SMTP_URL,
 * SMTP_FROM), NOTIFICATIONS_SMS_PROVIDER=twilio (TWILIO_*); each defaults to `development` (log only). In production
 * a development provider is refused unless NOTIFICATIONS_ALLOW_DEVELOPMENT_PROVIDERS=true (staging, a demo).
 * @throws ConfigError naming each invalid or missing variable.
 */
export function readNotificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const e = readEnv(
    {
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      NOTIFICATIONS_ALLOW_DEVELOPMENT_PROVIDERS: envVar.boolean(false),
      NOTIFICATIONS_PUSH_PROVIDER: z.enum(['development', 'live'], { message: 'must be development or live' }).default('development'),
      NOTIFICATIONS_EMAIL_PROVIDER: z.enum(['development', 'smtp'], { message: 'must be development or smtp' }).default('development'),
      NOTIFICATIONS_CONSUMER_CONCURRENCY: z.coerce.number().int().min(1, 'must be at least 1').max(32, 'must be at most 32').default(16),
      NOTIFICATIONS_SMS_PROVIDER: z.enum(['development', 'twilio'], { message: 'must be development or twilio' }).default('development'),
      FCM_SERVICE_ACCOUNT: z.string().optional(),
      FCM_API_BASE: envVar.url(['http:', 'https:'], 'https://fcm.googleapis.com').optional(),
      APNS_TEAM_ID: z.string().optional(),
      APNS_KEY_ID: z.string().optional(),
      APNS_PRIVATE_KEY: z.string().optional(),
      APNS_BUNDLE_ID: z.string().optional(),
      APNS_ORIGIN: envVar.url(['http:', 'https:'], 'https://api.push.apple.com').optional(),
      SMTP_URL: envVar.url(['smtp:', 'smtps:'], 'smtps://user:password@smtp.example.com:465').optional(),
      SMTP_FROM: z.string().optional(),
      TWILIO_ACCOUNT_SID: z.string().optional(),
      TWILIO_AUTH_TOKEN: z.string().optional(),
      TWILIO_FROM: z.string().optional(),
      TWILIO_API_BASE: envVar.url(['http:', 'https:'], 'https://api.twilio.com').optional(),
    },
    env,
  );
  const refuseDevelopment = e.NODE_ENV === 'production' && !e.NOTIFICATIONS_ALLOW_DEVELOPMENT_PROVIDERS;
  const development = (variable: string, real: string) => {
    if (refuseDevelopment) {
      throw new ConfigError(
        `${variable}=development in production: messages would only be logged, never sent. Set ${variable}=${real} with its settings, ` +
          'or NOTIFICATIONS_ALLOW_DEVELOPMENT_PROVIDERS=true to run it anyway (staging, a demo).',
      );
    }
    return null;
  };

  function push(): NotificationsConfig['push'] {
    if (e.NOTIFICATIONS_PUSH_PROVIDER === 'development') return development('NOTIFICATIONS_PUSH_PROVIDER', 'live');
    const fcm = e.FCM_SERVICE_ACCOUNT ? fcmOptions(e.FCM_SERVICE_ACCOUNT, e.FCM_API_BASE) : null;
    const apnsSet = [e.APNS_TEAM_ID, e.APNS_KEY_ID, e.APNS_PRIVATE_KEY, e.APNS_BUNDLE_ID];
    if (apnsSet.some(Boolean) && !apnsSet.every(Boolean))
      throw new ConfigError('APNs needs all of APNS_TEAM_ID, APNS_KEY_ID, APNS_PRIVATE_KEY (the .p8 PEM) and APNS_BUNDLE_ID.');
    const apns = apnsSet.every(Boolean)
      ? {
          teamId: e.APNS_TEAM_ID!,
          keyId: e.APNS_KEY_ID!,
          privateKey: e.APNS_PRIVATE_KEY!.replace(/\\n/g, '\n'),
          bundleId: e.APNS_BUNDLE_ID!,
          origin: e.APNS_ORIGIN,
        }
      : null;
    if (!fcm && !apns) throw new ConfigError('NOTIFICATIONS_PUSH_PROVIDER=live needs FCM_SERVICE_ACCOUNT (Android, web) and/or APNS_* (iOS).');
    return { fcm, apns };
  }

  function email(): SmtpOptions | null {
    if (e.NOTIFICATIONS_EMAIL_PROVIDER === 'development') return development('NOTIFICATIONS_EMAIL_PROVIDER', 'smtp');
    if (!e.SMTP_URL || !e.SMTP_FROM) throw new ConfigError('NOTIFICATIONS_EMAIL_PROVIDER=smtp needs SMTP_URL (smtps://user:password@host:465) and SMTP_FROM.');
    return { url: e.SMTP_URL, from: e.SMTP_FROM };
  }

  function sms(): TwilioOptions | null {
    if (e.NOTIFICATIONS_SMS_PROVIDER === 'development') return development('NOTIFICATIONS_SMS_PROVIDER', 'twilio');
    if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN || !e.TWILIO_FROM) {
      throw new ConfigError('NOTIFICATIONS_SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM.');
    }
    return { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM, apiBase: e.TWILIO_API_BASE };
  }

  return { push: push(), email: email(), sms: sms(), consumerConcurrency: e.NOTIFICATIONS_CONSUMER_CONCURRENCY };
}

function fcmOptions(json: string, apiBase: string | undefined): FcmOptions {
  let account: { project_id?: string; client_email?: string; private_key?: string; token_uri?: string };
  try {
    account = JSON.parse(json) as typeof account;
  } catch {
    throw new ConfigError('FCM_SERVICE_ACCOUNT must be the service account key JSON.');
  }
  if (!account.project_id || !account.client_email || !account.private_key) {
    throw new ConfigError('FCM_SERVICE_ACCOUNT lacks project_id, client_email or private_key.');
  }
  return { projectId: account.project_id, clientEmail: account.client_email, privateKey: account.private_key, tokenUri: account.token_uri, apiBase };
}
