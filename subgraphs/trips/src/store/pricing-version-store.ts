// The only code that reads and writes pricing versions for their administration: the versions in force for many
// cities at once, each city's history page by page, and a new version written under its city's row lock.
import type { PageRequest } from '../../../../platform/graphql/index.js';
import type { City, PricingRule, Prisma, VehicleCategory } from './prisma/client.js';
import type { Db } from './store.js';

export type PricingVersionStore = ReturnType<typeof createPricingVersionStore>;

/** The select list for table alias `r`, aliased to the model's field names (enums as text). */
const VERSION_SELECT = `r.id, r.city_id as "cityId", r.category::text as category, r.version, r.base_fare_minor as "baseFareMinor",
  r.per_km_minor as "perKmMinor", r.per_minute_minor as "perMinuteMinor", r.minimum_fare_minor as "minimumFareMinor",
  r.cancellation_fee_minor as "cancellationFeeMinor", r.free_cancellation_seconds as "freeCancellationSeconds",
  r.surge_cap_tenths as "surgeCapTenths", r.effective_from as "effectiveFrom", r.created_at as "createdAt",
  r.created_by_user_id as "createdByUserId"`;

/** Raw rows carry timestamps as Date or text depending on the driver (pg, PGlite); the model has Dates. */
function toVersion(row: PricingRule): PricingRule {
  return { ...row, effectiveFrom: new Date(row.effectiveFrom), createdAt: new Date(row.createdAt) };
}

export function createPricingVersionStore(db: Db) {
  return {
    findCitiesByIds(ids: readonly string[]): Promise<City[]> {
      return db.city.findMany({ where: { id: { in: [...ids] } } });
    },

    /**
     * Reads the city and locks its row until the transaction ends: every new version of the city's prices takes this
     * lock first, so two administrators never number two versions alike and `before` is the version really replaced.
     */
    async lockCity(id: string): Promise<{ id: string; name: string; currency: string } | null> {
      const rows = await db.$queryRawUnsafe<{ id: string; name: string; currency: string }[]>(
        `select id, name, currency from "trips"."cities" where id = $1::uuid for update`,
        id,
      );
      return rows[0] ?? null;
    },

    /** The last version created for (city, category), whatever its effectiveFrom; null when there is none. */
    findLatestCreated(cityId: string, category: VehicleCategory): Promise<PricingRule | null> {
      return db.pricingRule.findFirst({ where: { cityId, category }, orderBy: { version: 'desc' } });
    },

    /** @throws Prisma P2002 when (city, category) already has a version starting at `effectiveFrom`. */
    create(data: Omit<Prisma.PricingRuleUncheckedCreateInput, 'id' | 'createdAt'>): Promise<PricingRule> {
      return db.pricingRule.create({ data });
    },

    /** Every category's version in force at `at` in each of the cities, one statement (served by the unique index). */
    async findInForce(cityIds: readonly string[], at: Date): Promise<PricingRule[]> {
      const rows = await db.$queryRawUnsafe<PricingRule[]>(
        `select distinct on (r.city_id, r.category) ${VERSION_SELECT}
         from "trips"."pricing_rules" r
         where r.city_id = any($1::uuid[]) and r.effective_from <= $2::timestamptz
         order by r.city_id, r.category, r.effective_from desc`,
        [...cityIds],
        at,
      );
      return rows.map(toVersion);
    },

    /**
     * The same page (`take + 1` rows, newest effectiveFrom first, after the same cursor) of each city's versions, of
     * one category or all, in ONE statement for all cities.
     */
    async findHistoryPages(cityIds: readonly string[], category: VehicleCategory | null, page: PageRequest): Promise<Map<string, PricingRule[]>> {
      const params: unknown[] = [[...cityIds], page.take + 1, category];
      let after = '';
      if (page.after) {
        params.push(page.after.at, page.after.id);
        after = 'and (r.effective_from, r.id) < ($4::timestamptz, $5::uuid)';
      }
      const rows = await db.$queryRawUnsafe<(PricingRule & { position: number })[]>(
        `select * from (
           select ${VERSION_SELECT}, row_number() over (partition by r.city_id order by r.effective_from desc, r.id desc) as position
           from "trips"."pricing_rules" r
           where r.city_id = any($1::uuid[]) and ($3::text is null or r.category::text = $3::text) ${after}
         ) ranked
         where position <= $2::int
         order by ranked."cityId", position`,
        ...params,
      );
      const result = new Map<string, PricingRule[]>();
      for (const { position: _position, ...row } of rows) {
        const list = result.get(row.cityId) ?? [];
        list.push(toVersion(row));
        result.set(row.cityId, list);
      }
      return result;
    },
  };
}
