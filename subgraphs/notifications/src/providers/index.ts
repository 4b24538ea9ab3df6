// Builds each channel's provider from the configuration: the development one (log) unless a real one is set.
import type { Logger } from '../../../../platform/logging/index.js';
import type { NotificationsConfig } from '../config.js';
import { createApnsSender } from './apns.js';
import { createDevelopmentProviders } from './development.js';
import { createFcmSender } from './fcm.js';
import { createSmtpEmailProvider } from './smtp.js';
import { createTwilioSmsProvider } from './twilio.js';
import { ProviderError, type Providers, type PushProvider } from './types.js';

export * from './types.js';

export function createProviders(config: NotificationsConfig, logger: Logger): Providers {
  const development = createDevelopmentProviders(logger);
  return {
    push: config.push ? createPushRouter(config.push) : development.push,
    email: config.email ? createSmtpEmailProvider(config.email) : development.email,
    sms: config.sms ? createTwilioSmsProvider(config.sms) : development.sms,
  };
}

/** FCM for Android and web, APNs for iOS; a platform without its provider configured is a permanent failure. */
export function createPushRouter(config: NonNullable<NotificationsConfig['push']>): PushProvider {
  const fcm = config.fcm && createFcmSender(config.fcm);
  const apns = config.apns && createApnsSender(config.apns);
  return {
    async send(message) {
      const sender = message.platform === 'IOS' ? apns?.send : fcm;
      if (!sender) throw new ProviderError(`no push provider configured for ${message.platform}`, false, 'platform_not_configured');
      return sender(message);
    },
    async close() {
      await apns?.close();
    },
  };
}
