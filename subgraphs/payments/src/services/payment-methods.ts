// Saved cards, the wallet and cash as one list, and the default method. Cards are saved through the provider: the
// client sends the provider's token, never a card number.
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import { ProviderRejectedError, ProviderUnavailableError, type PaymentProvider } from '../providers/provider.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { PaymentCard, PaymentProfile, PaymentMethodType } from '../store/prisma/client.js';
import { userError, type PaymentUserError } from './user-errors.js';

/** One entry of `User.paymentMethods`. */
export interface PaymentMethodView {
  id: string;
  type: PaymentMethodType;
  card: PaymentCard | null;
  isDefault: boolean;
}

export type MethodsResult = { paymentMethods: PaymentMethodView[] | null; userErrors: PaymentUserError[] };

/** The list: cards newest first, then the wallet and cash (always available). */
export function methodsView(cards: PaymentCard[], profile: PaymentProfile | null): PaymentMethodView[] {
  const defaultMethod = profile?.defaultMethod ?? 'CASH';
  const list: PaymentMethodView[] = cards.map((card) => ({
    id: card.id,
    type: 'CARD',
    card,
    isDefault: defaultMethod === 'CARD' && profile?.defaultCardId === card.id,
  }));
  list.push({ id: 'wallet', type: 'WALLET', card: null, isDefault: defaultMethod === 'WALLET' });
  list.push({ id: 'cash', type: 'CASH', card: null, isDefault: defaultMethod === 'CASH' });
  return list;
}

export function createPaymentMethods({ prisma, provider }: { prisma: PaymentsPrisma; provider: PaymentProvider }) {
  async function current(userId: string): Promise<MethodsResult> {
    const [cards, profile] = await Promise.all([
      prisma.paymentCard.findMany({ where: { userId, removedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
      prisma.paymentProfile.findUnique({ where: { userId } }),
    ]);
    return { paymentMethods: methodsView(cards, profile), userErrors: [] };
  }

  async function customerOf(userId: string): Promise<string> {
    const profile = await prisma.paymentProfile.findUnique({ where: { userId } });
    if (profile?.providerCustomerId) return profile.providerCustomerId;
    // Idempotent at the provider by user id: two racing first cards make one customer.
    const { customerId } = await provider.createCustomer({ userId, idempotencyKey: `customer:${userId}` });
    await prisma.paymentProfile.upsert({ where: { userId }, create: { userId, providerCustomerId: customerId }, update: { providerCustomerId: customerId } });
    return customerId;
  }

  return {
    current,

    async addCard(viewer: Viewer, input: { providerToken: string; makeDefault?: boolean | null }): Promise<MethodsResult> {
      const token = input.providerToken.trim();
      if (token.length < 1 || token.length > 255)
        return { paymentMethods: null, userErrors: [userError('INVALID_CARD_TOKEN', 'providerToken must be 1 to 255 characters', ['input', 'providerToken'])] };
      let saved;
      try {
        saved = await provider.attachCard({ customerId: await customerOf(viewer.userId), token });
      } catch (error) {
        if (error instanceof ProviderRejectedError)
          return {
            paymentMethods: null,
            userErrors: [userError('INVALID_CARD_TOKEN', `the provider refused the token (${error.code})`, ['input', 'providerToken'])],
          };
        if (error instanceof ProviderUnavailableError)
          return { paymentMethods: null, userErrors: [userError('PROVIDER_UNAVAILABLE', 'the payment provider cannot be reached; try again')] };
        throw error;
      }
      await prisma.$transaction(async (tx) => {
        const card = await tx.paymentCard.upsert({
          where: { provider_providerMethodId: { provider: provider.name, providerMethodId: saved.providerMethodId } },
          create: { userId: viewer.userId, provider: provider.name, ...saved },
          update: { removedAt: null },
        });
        const profile = await tx.paymentProfile.findUnique({ where: { userId: viewer.userId } });
        // The first card becomes the default: a rider who adds a card means to pay with it.
        if (input.makeDefault || !profile?.defaultCardId) {
          await tx.paymentProfile.upsert({
            where: { userId: viewer.userId },
            create: { userId: viewer.userId, defaultMethod: 'CARD', defaultCardId: card.id },
            update: { defaultMethod: 'CARD', defaultCardId: card.id },
          });
        }
      });
      return current(viewer.userId);
    },

    async remove(viewer: Viewer, id: string): Promise<MethodsResult> {
      const notFound: MethodsResult = { paymentMethods: null, userErrors: [userError('PAYMENT_METHOD_NOT_FOUND', 'no such card of yours', ['id'])] };
      if (!isUuid(id)) return notFound;
      const card = await prisma.paymentCard.findFirst({ where: { id, userId: viewer.userId, removedAt: null } });
      if (!card) return notFound;
      await prisma.$transaction(async (tx) => {
        await tx.paymentCard.update({ where: { id }, data: { removedAt: new Date() } });
        // The default goes back to cash when the default card goes (MONEY.md).
        await tx.paymentProfile.updateMany({ where: { userId: viewer.userId, defaultCardId: id }, data: { defaultMethod: 'CASH', defaultCardId: null } });
      });
      await provider.detachCard({ providerMethodId: card.providerMethodId }).catch(() => undefined);
      return current(viewer.userId);
    },

    async setDefault(viewer: Viewer, type: PaymentMethodType, cardId: string | null | undefined): Promise<MethodsResult> {
      if (type === 'CARD') {
        const card = cardId && isUuid(cardId) ? await prisma.paymentCard.findFirst({ where: { id: cardId, userId: viewer.userId, removedAt: null } }) : null;
        if (!card) return { paymentMethods: null, userErrors: [userError('PAYMENT_METHOD_NOT_FOUND', 'no such card of yours', ['cardId'])] };
      } else if (cardId) {
        return { paymentMethods: null, userErrors: [userError('PAYMENT_METHOD_NOT_FOUND', `cardId is only for CARD, not ${type}`, ['cardId'])] };
      }
      const data = { defaultMethod: type, defaultCardId: type === 'CARD' ? cardId! : null };
      await prisma.paymentProfile.upsert({ where: { userId: viewer.userId }, create: { userId: viewer.userId, ...data }, update: data });
      return current(viewer.userId);
    },
  };
}

export type PaymentMethodsService = ReturnType<typeof createPaymentMethods>;
