// A coupon's redemptions as one CSV document (`Coupon.redemptionsCsv`): what operations send a partner company to
// reconcile the codes it honoured. One statement on the (coupon_id, created_at, id) index, oldest first. Rules:
// ../../LOYALTY.md "Coupons".
import { badInput } from '../../../../platform/errors/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { GamificationPrisma } from '../store/database.js';

/** The most rows one export holds; a coupon with more is exported in parts with `since`. */
export const MAX_EXPORT_ROWS = 100_000;

export const REDEMPTION_CSV_HEADER = 'redemption_id,user_id,code,points_spent,redeemed_at';

/**
 * RFC 4180 quoting, and a leading `'` before `= + - @` (and tab, carriage return) so a spreadsheet opening the file
 * never runs a cell as a formula. Codes and ids are generated, but the rule costs nothing and outlives that.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function createRedemptionExport(prisma: GamificationPrisma) {
  return {
    /**
     * @param since only redemptions at or after this instant (all when null).
     * @throws AppError BAD_USER_INPUT (`extensions.field: "since"`) when more than MAX_EXPORT_ROWS would be exported.
     */
    async csv(couponId: string, since: Date | null): Promise<string> {
      const rows = isUuid(couponId)
        ? await prisma.couponRedemption.findMany({
            where: { couponId, ...(since ? { createdAt: { gte: since } } : {}) },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take: MAX_EXPORT_ROWS + 1,
            select: { id: true, userId: true, code: true, pointsSpent: true, createdAt: true },
          })
        : [];
      if (rows.length > MAX_EXPORT_ROWS) {
        throw badInput(`More than ${MAX_EXPORT_ROWS} redemptions: export them in parts with a later \`since\``, 'since');
      }
      const lines = rows.map((row) => [row.id, row.userId, row.code, String(row.pointsSpent), row.createdAt.toISOString()].map(csvCell).join(','));
      return `${[REDEMPTION_CSV_HEADER, ...lines].join('\r\n')}\r\n`;
    },
  };
}
