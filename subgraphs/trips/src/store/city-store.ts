// The only code that writes service areas (cities): created and changed by operations (services/city-admin.ts).
// Reading them for pricing stays in pricing-store.ts / pricing-version-store.ts.
import type { City, Prisma } from './prisma/client.js';
import type { Db } from './store.js';

export type CityStore = ReturnType<typeof createCityStore>;

/** The columns, aliased to the model's field names. */
const CITY_SELECT = `id, name, center_latitude as "centerLatitude", center_longitude as "centerLongitude", radius_meters as "radiusMeters",
  currency, road_factor_percent as "roadFactorPercent", average_speed_kph as "averageSpeedKph"`;

export function createCityStore(db: Db) {
  return {
    /** @throws Prisma P2002 when another city has the name, whatever its case (unique index on lower(name)). */
    create(data: Omit<Prisma.CityUncheckedCreateInput, 'id'>): Promise<City> {
      return db.city.create({ data });
    },

    /**
     * The whole city, its row locked until the transaction ends: the same lock `setPricing` takes, so a change of the
     * city and a new pricing version of it are made one after the other, and `before` is what was really replaced.
     */
    async lockById(id: string): Promise<City | null> {
      const rows = await db.$queryRawUnsafe<City[]>(`select ${CITY_SELECT} from "trips"."cities" where id = $1::uuid for update`, id);
      return rows[0] ?? null;
    },

    /** @throws Prisma P2002 when the new name is another city's, whatever its case. */
    update(id: string, data: Pick<Prisma.CityUncheckedUpdateInput, 'name' | 'centerLatitude' | 'centerLongitude' | 'radiusMeters'>): Promise<City> {
      return db.city.update({ where: { id }, data });
    },
  };
}
