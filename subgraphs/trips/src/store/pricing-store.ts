// The only code that reads and writes service areas, pricing rules and fare quotes.
import type { City, FareQuote, PricingRule, Prisma, VehicleCategory } from './prisma/client.js';
import { boundingBox } from './dispatch-store.js';
import type { Db } from './store.js';

export type PricingStore = ReturnType<typeof createPricingStore>;

export function createPricingStore(db: Db) {
  return {
    /** Every service area: a short list (one row per city), read whole to pick the nearest centre. */
    listCities(): Promise<City[]> {
      return db.city.findMany({ orderBy: { name: 'asc' } });
    },

    findRule(cityId: string, category: VehicleCategory): Promise<PricingRule | null> {
      return db.pricingRule.findUnique({ where: { cityId_category: { cityId, category } } });
    },

    findRuleById(id: string): Promise<PricingRule | null> {
      return db.pricingRule.findUnique({ where: { id } });
    },

    createQuote(data: Omit<Prisma.FareQuoteUncheckedCreateInput, 'id' | 'createdAt'>): Promise<FareQuote> {
      return db.fareQuote.create({ data });
    },

    findQuote(id: string): Promise<FareQuote | null> {
      return db.fareQuote.findUnique({ where: { id } });
    },

    /** Surge demand: REQUESTED trips requested since `since` with a pickup within the radius. */
    async countWaitingNear(latitude: number, longitude: number, radiusMeters: number, since: Date): Promise<number> {
      const box = boundingBox(latitude, longitude, radiusMeters);
      const rows = await db.$queryRawUnsafe<{ count: number }[]>(
        `select count(*)::int as count from "trips"."trips"
         where status = 'REQUESTED' and requested_at >= $1::timestamptz
           and pickup_latitude between $2 and $3 and pickup_longitude between $4 and $5`,
        since,
        box.minLat,
        box.maxLat,
        box.minLng,
        box.maxLng,
      );
      return rows[0]?.count ?? 0;
    },

    /** Deletes quotes that expired before `before` (housekeeping by the dispatcher). */
    async deleteExpiredQuotes(before: Date): Promise<number> {
      const { count } = await db.fareQuote.deleteMany({ where: { expiresAt: { lt: before } } });
      return count;
    },
  };
}
