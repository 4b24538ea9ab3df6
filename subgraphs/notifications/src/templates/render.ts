// Puts a message into words in a locale; English when the locale is unknown (or absent).
import type { EventMoney } from '../../../../platform/events/index.js';
import { en, type Formatters, type Locale } from './en.js';
import type { MessageData, RenderedMessage } from './messages.js';

const LOCALES: Record<string, { tag: string; words: Locale }> = { en: { tag: 'en', words: en } };
export const DEFAULT_LOCALE = 'en';

export function renderMessage(data: MessageData, locale: string = DEFAULT_LOCALE): RenderedMessage {
  const { tag, words } = LOCALES[locale] ?? LOCALES[DEFAULT_LOCALE]!;
  const template = words[data.type] as (data: MessageData, format: Formatters) => RenderedMessage;
  return template(data, formatters(tag));
}

function formatters(tag: string): Formatters {
  return { money: (amount) => formatMoney(amount, tag) };
}

/** `€12.50`, `¥1,200`: minor units scaled by the currency's own number of decimals. */
export function formatMoney(amount: EventMoney, tag: string = DEFAULT_LOCALE): string {
  try {
    const format = new Intl.NumberFormat(tag, { style: 'currency', currency: amount.currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount.amountMinor / 10 ** digits);
  } catch {
    // An unknown currency code: still say the amount rather than fail the notification.
    return `${amount.currency} ${(amount.amountMinor / 100).toFixed(2)}`;
  }
}
