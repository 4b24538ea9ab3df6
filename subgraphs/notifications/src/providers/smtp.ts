// Email through SMTP with nodemailer (any provider's SMTP relay). One pooled transport per process.
import nodemailer from 'nodemailer';
import { networkError, ProviderError, type EmailProvider } from './types.js';

export interface SmtpOptions {
  /** e.g. smtps://user:pass@smtp.example.com:465 or smtp://127.0.0.1:2525 */
  url: string;
  /** The From header, e.g. "Ridegraph <no-reply@ridegraph.dev>". */
  from: string;
  /** Default false: refuse servers without TLS (STARTTLS or smtps). True only for a local test server. */
  allowInsecure?: boolean;
}

export function createSmtpEmailProvider(options: SmtpOptions): EmailProvider {
  const url = new URL(options.url);
  const insecure = options.allowInsecure ?? false;
  const transport = nodemailer.createTransport(
    {
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true,
      // Without TLS, credentials and messages cross the network in clear: only where allowed (a local test server).
      requireTLS: !insecure && url.protocol !== 'smtps:',
      ignoreTLS: insecure,
    },
    { from: options.from },
  );
  return {
    async send({ to, subject, text, notificationId }) {
      try {
        await transport.sendMail({ to, subject, text, headers: { 'X-Ridegraph-Notification': notificationId } });
      } catch (error) {
        const responseCode = (error as { responseCode?: number }).responseCode;
        // 5xx: the server refused this message (bad address, policy): permanent. 4xx: try again later.
        if (typeof responseCode === 'number')
          throw new ProviderError(`SMTP ${responseCode}: ${(error as Error).message}`, responseCode < 500, `smtp_${responseCode}`);
        throw networkError('SMTP server', error);
      }
    },
    async close() {
      transport.close();
    },
  };
}
