// The development provider's checkout pages, served by the payments subgraph in development only (never in
// production: config.devPayPages): GET /dev-pay/<link id> shows the amount and a Pay button, POST pays it. Paying
// does what Stripe's hosted Checkout page does: the provider then sends checkout.session.completed, signed, to
// /webhooks/payments (after PAYMENTS_DEV_WEBHOOK_DELAY_MS), and payments books the money when it arrives.
import type { HttpPageAnswer, HttpPageRoute } from '../../../../platform/http/index.js';
import type { DevelopmentPaymentProvider, DevLink } from '../providers/development-provider.js';

export { DEV_PAY_PATH } from '../providers/development-provider.js';

/** A link as payments recorded it, for one the provider forgot in a restart (null: payments has no such open link). */
export type FindOpenLink = (providerLinkId: string) => Promise<Omit<DevLink, 'status'> | null>;

export function createDevPayRoute(provider: DevelopmentPaymentProvider, findOpenLink: FindOpenLink): HttpPageRoute {
  return async (_req, { method, rest }) => {
    const id = decodeURIComponent(rest.replace(/\/+$/, ''));
    if (!/^cs_dev_[0-9a-f]+$/.test(id)) return page(404, 'No such payment link', '<p>This is not a development payment link.</p>');
    if (!provider.checkoutLink(id)) {
      const recorded = await findOpenLink(id);
      if (recorded) provider.restoreLink(recorded);
    }
    if (method === 'POST') {
      const outcome = provider.payLink(id);
      if (outcome === 'unknown') return unknown();
      const link = provider.checkoutLink(id)!;
      if (outcome === 'expired') return page(410, 'Link expired', `<p>${describe(link)}</p><p>This link expired; nothing was paid.</p>`);
      const note = outcome === 'already_paid' ? 'This link was already paid; nothing more was charged.' : 'Paid. The confirmation is on its way to Ridegraph.';
      return page(200, 'Paid', `<p>${describe(link)}</p><p id="status">${note}</p>`);
    }
    const link = provider.checkoutLink(id);
    if (!link) return unknown();
    if (link.status === 'complete') return page(200, 'Paid', `<p>${describe(link)}</p><p id="status">Already paid.</p>`);
    if (link.status === 'expired') return page(410, 'Link expired', `<p>${describe(link)}</p><p>This link expired; nothing was paid.</p>`);
    return page(
      200,
      'Pay',
      `<p>${describe(link)}</p>
<p>Development provider: no card is charged. Pressing Pay sends the provider's signed confirmation to Ridegraph.</p>
<form method="post" action="/dev-pay/${escapeHtml(id)}"><button type="submit">Pay ${escapeHtml(amountText(link))}</button></form>`,
    );
  };
}

function unknown(): HttpPageAnswer {
  return page(404, 'No such payment link', '<p>Neither the development provider nor payments knows an open link with this id.</p>');
}

function describe(link: Readonly<DevLink>): string {
  return `${escapeHtml(link.description)}: <strong id="amount">${escapeHtml(amountText(link))}</strong>`;
}

/** 1250 USD → "12.50 USD" (two decimals: the development provider's currencies all have cents). */
function amountText(link: Readonly<DevLink>): string {
  return `${(link.amountMinor / 100).toFixed(2)} ${link.currency}`;
}

function page(status: number, title: string, body: string): HttpPageAnswer {
  return {
    status,
    body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Ridegraph development checkout</title></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
