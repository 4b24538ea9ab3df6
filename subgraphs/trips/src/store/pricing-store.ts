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

    /** The version of (city, category) in force at `at`: the newest effectiveFrom at or before it. */
    findRuleInForce(cityId: string, category: VehicleCategory, at: Date): Promise<PricingRule | null> {
      return db.pricingRule.findFirst({ where: { cityId, category, effectiveFrom: { lte: at } }, orderBy: { effectiveFrom: 'desc' } });
    },

    /** The rule (version) and the name of its city in one statement (trips' events name the city: payments' commissions depend on it). */
    async findRuleWithCity(id: string): Promise<{ rule: PricingRule; cityName: string } | null> {
      const rows = await db.$queryRawUnsafe<(PricingRule & { cityName: string })[]>(
        `select r.id, r.city_id as "cityId", r.category::text as category, r.version, r.base_fare_minor as "baseFareMinor",
           r.per_km_minor as "perKmMinor", r.per_minute_minor as "perMinuteMinor", r.minimum_fare_minor as "minimumFareMinor",
           r.cancellation_fee_minor as "cancellationFeeMinor", r.free_cancellation_seconds as "freeCancellationSeconds",
           r.surge_cap_tenths as "surgeCapTenths", r.effective_from as "effectiveFrom", r.created_at as "createdAt",
           r.created_by_user_id as "createdByUserId", c.name as "cityName"
         from "trips"."pricing_rules" r join "trips"."cities" c on c.id = r.city_id
         where r.id = $1::uuid`,
        id,
      );
      if (!rows[0]) return null;
      const { cityName, ...rule } = rows[0];
      return { rule, cityName };
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
