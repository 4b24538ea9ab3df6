// A driver's payout destination (bank account): set by the driver themselves, validated (bank-details.ts), stored
// with the account number encrypted and only its last four characters in clear. Nothing here returns the number;
// only the sender decrypts it, for the provider call.
import type { Viewer } from '../../../../../platform/auth/index.js';
import type { PaymentsPrisma } from '../../store/database.js';
import { findDriverProfileByUserId } from '../../store/driver-profiles.js';
import type { PayoutDestination } from '../../store/prisma/client.js';
import type { PayoutDestinationDetails } from '../../providers/provider.js';
import { validateBankDetails, type BankDetailsInput } from './bank-details.js';
import type { DataCipher } from './data-key.js';
import { payoutError, type PayoutUserError } from './payout-errors.js';

export function createDestinations({ prisma, cipher }: { prisma: PaymentsPrisma; cipher: DataCipher }) {
  return {
    async set(viewer: Viewer, input: BankDetailsInput): Promise<{ destination: PayoutDestination | null; userErrors: PayoutUserError[] }> {
      const profile = await findDriverProfileByUserId(prisma, viewer.userId);
      if (!profile) return { destination: null, userErrors: [payoutError('NOT_A_DRIVER', 'only a driver may set a payout destination for themselves')] };
      const checked = validateBankDetails(input);
      if ('problems' in checked) {
        return { destination: null, userErrors: checked.problems.map((p) => payoutError(p.code, p.message, ['input', p.field])) };
      }
      const d = checked.details;
      const data = {
        driverId: profile.driverId,
        accountHolderName: d.accountHolderName,
        accountNumberEncrypted: cipher.encrypt(d.accountNumber, viewer.userId),
        last4: d.last4,
        routingCode: d.routingCode,
        country: d.country,
        providerAccountId: d.providerAccountId,
      };
      const destination = await prisma.payoutDestination.upsert({ where: { userId: viewer.userId }, create: { userId: viewer.userId, ...data }, update: data });
      return { destination, userErrors: [] };
    },
    /** The stored destination as the provider needs it (the number decrypted). */
    details(destination: PayoutDestination): PayoutDestinationDetails {
      return {
        holderName: destination.accountHolderName,
        accountNumber: cipher.decrypt(destination.accountNumberEncrypted, destination.userId),
        routingCode: destination.routingCode,
        country: destination.country.trim(),
        providerAccountId: destination.providerAccountId,
      };
    },
  };
}

export type Destinations = ReturnType<typeof createDestinations>;
