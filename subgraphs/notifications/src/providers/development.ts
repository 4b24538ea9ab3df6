// Development providers: nothing leaves the process; each message is written to the log (like identity's SMS).
// The default everywhere but production, where they are refused unless explicitly allowed (config.ts).
import type { Logger } from '../../../../platform/logging/index.js';
import type { Providers } from './types.js';

export function createDevelopmentProviders(logger: Logger): Providers {
  const log = logger.child({ provider: 'development' });
  return {
    push: {
      send: async ({ token, platform, title, body, link, notificationId }) => {
        log.info({ channel: 'PUSH', platform, token: `${token.slice(0, 8)}…`, title, body, link, notificationId }, 'development push (not sent)');
        return { status: 'sent' };
      },
    },
    email: {
      send: async ({ to, subject, text, notificationId }) =>
        void log.info({ channel: 'EMAIL', to, subject, text, notificationId }, 'development email (not sent)'),
    },
    sms: {
      send: async ({ to, body, notificationId }) => void log.info({ channel: 'SMS', to, body, notificationId }, 'development SMS (not sent)'),
    },
  };
}
