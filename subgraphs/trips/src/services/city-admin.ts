// Service areas administered by operations: `createCity` and `updateCity`. A city's currency is fixed at creation
// (every price and fare of it is in that currency); its name, centre and radius may change. Each change commits with
// its audit entry (platform/audit) in one transaction. A new city offers nothing until `setPricing` gives a category
// prices (pricing-admin.ts): estimateFare there answers CATEGORY_NOT_OFFERED.
//
// Overlapping service areas are allowed, as before this API: a pickup is priced by the nearest centre whose radius
// holds it (pricing.ts `cityFor`), so a small area inside a large one (an airport, a district with its own prices)
// takes the pickups nearer to its centre than to the large one's.
import { auditEvent } from '../../../../platform/audit/index.js';
import { seesEverything, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { EventJson } from '../../../../platform/events/catalogue.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Clock } from '../clock.js';
import type { CityUserErrorCode, CreateCityInput, UpdateCityInput } from '../generated/resolvers-types.js';
import type { City } from '../store/prisma/client.js';
import { isUniqueViolation, type TripsStore } from '../store/store.js';
import { isValidPoint } from './pricing.js';

export interface CityUserError {
  field: string[] | null;
  message: string;
  code: CityUserErrorCode;
}

export interface CityResult {
  city: City | null;
  userErrors: CityUserError[];
}

export const MAX_CITY_NAME_LENGTH = 100;
/** Smaller is a street corner, not a service area. */
export const MIN_CITY_RADIUS_METERS = 100;
/**
 * Larger than any metropolitan area; a ride is at most TRIP_MAX_DISTANCE_METERS (150 km) by road anyway, and the
 * drop-off must lie in the pickup's city.
 */
export const MAX_CITY_RADIUS_METERS = 200_000;
/** Route estimate of every city created (not in the API yet; the demo city's too): road = straight line × 1.3, at 25 km/h. */
export const DEFAULT_ROAD_FACTOR_PERCENT = 130;
export const DEFAULT_AVERAGE_SPEED_KPH = 25;

// ISO 4217 codes the runtime knows (ICU's list): a typo such as "USS" is refused, not stored for every fare.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const problem = (code: CityUserErrorCode, message: string, field: string | null): CityUserError => ({
  code,
  message,
  field: field ? ['input', field] : null,
});
const fail = (error: CityUserError): CityResult => ({ city: null, userErrors: [error] });
const nameTaken = (name: string) => problem('CITY_NAME_TAKEN', `Another city is called ${name} (names are compared ignoring case)`, 'name');

function checkName(name: string): CityUserError | null {
  const trimmed = name.trim();
  // Control characters (a pasted line break, a NUL) would print wrongly on every dashboard and receipt naming the city.
  if (trimmed.length < 1 || trimmed.length > MAX_CITY_NAME_LENGTH || /\p{Cc}/u.test(trimmed)) {
    return problem('INVALID_NAME', `The name must be 1 to ${MAX_CITY_NAME_LENGTH} characters (without control characters)`, 'name');
  }
  return null;
}

function checkCenter(center: { latitude: number; longitude: number }): CityUserError | null {
  return isValidPoint(center) ? null : problem('INVALID_COORDINATES', 'The centre needs a latitude from -90 to 90 and a longitude from -180 to 180', 'center');
}

function checkRadius(radiusMeters: number): CityUserError | null {
  return Number.isInteger(radiusMeters) && radiusMeters >= MIN_CITY_RADIUS_METERS && radiusMeters <= MAX_CITY_RADIUS_METERS
    ? null
    : problem('INVALID_RADIUS', `The radius must be a whole number of metres from ${MIN_CITY_RADIUS_METERS} to ${MAX_CITY_RADIUS_METERS}`, 'radiusMeters');
}

function checkCurrency(currency: string): CityUserError | null {
  return /^[A-Z]{3}$/.test(currency) && CURRENCIES.has(currency)
    ? null
    : problem('INVALID_CURRENCY', 'The currency must be an ISO 4217 code in capitals, e.g. USD', 'currency');
}

/** What the audit log keeps of a city: the fields the API sets. */
type CityFacts = { name: string; currency: string; centerLatitude: number; centerLongitude: number; radiusMeters: number };
const ADMINISTERED = ['name', 'centerLatitude', 'centerLongitude', 'radiusMeters'] as const;
const facts = (city: City): CityFacts => ({
  name: city.name,
  currency: city.currency,
  centerLatitude: city.centerLatitude,
  centerLongitude: city.centerLongitude,
  radiusMeters: city.radiusMeters,
});

/** Only the administered fields whose value differs, before and after. */
function changedFields(before: City, after: Pick<City, (typeof ADMINISTERED)[number]>): { before: EventJson; after: EventJson } | null {
  const changed = ADMINISTERED.filter((field) => before[field] !== after[field]);
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((field) => [field, before[field]])),
    after: Object.fromEntries(changed.map((field) => [field, after[field]])),
  };
}

export type CityAdminService = ReturnType<typeof createCityAdminService>;

export function createCityAdminService(deps: { store: TripsStore; clock: Clock; wakeRelay: () => void }) {
  const { store, clock, wakeRelay } = deps;

  function requireOperations(viewer: Viewer | null, what: string): Viewer {
    if (!viewer) throw new AppError('UNAUTHENTICATED', `${what} requires a signed-in user`);
    if (!seesEverything(viewer)) throw new AppError('FORBIDDEN', 'Only operations staff administer cities');
    return viewer;
  }

  return {
    /**
     * A new service area and its audit entry (`city.create`) in one transaction; every input problem at once as
     * userErrors with nothing written. CITY_NAME_TAKEN also for the loser of two creates of one name at once (the
     * unique index on lower(name) decides).
     * @throws AppError UNAUTHENTICATED / FORBIDDEN unless SUPER_ADMIN or OPERATIONS (the schema says so too).
     */
    async createCity(viewer: Viewer | null, input: CreateCityInput): Promise<CityResult> {
      const staff = requireOperations(viewer, 'createCity');
      const problems = [checkName(input.name), checkCurrency(input.currency), checkCenter(input.center), checkRadius(input.radiusMeters)].filter(
        (found): found is CityUserError => found !== null,
      );
      if (problems.length) return { city: null, userErrors: problems };
      const name = input.name.trim();
      let city: City;
      try {
        city = await store.transaction(async (tx) => {
          const created = await tx.cities.create({
            name,
            currency: input.currency,
            centerLatitude: input.center.latitude,
            centerLongitude: input.center.longitude,
            radiusMeters: input.radiusMeters,
            roadFactorPercent: DEFAULT_ROAD_FACTOR_PERCENT,
            averageSpeedKph: DEFAULT_AVERAGE_SPEED_KPH,
          });
          await tx.outbox.add(
            auditEvent('trips', staff, { action: 'city.create', target: { type: 'City', id: created.id }, before: null, after: facts(created) }, clock.now()),
          );
          return created;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return fail(nameTaken(name));
        throw error;
      }
      wakeRelay();
      return { city, userErrors: [] };
    },

    /**
     * Changes the given fields (left out or null: unchanged) under the city's row lock, with an audit entry
     * (`city.update`, before/after of the fields that changed) in the same transaction. A change that changes nothing
     * returns the city and records nothing. CITY_NOT_FOUND for an unknown id.
     * @throws AppError UNAUTHENTICATED / FORBIDDEN unless SUPER_ADMIN or OPERATIONS.
     */
    async updateCity(viewer: Viewer | null, id: string, input: UpdateCityInput): Promise<CityResult> {
      const staff = requireOperations(viewer, 'updateCity');
      const problems = [
        input.name != null ? checkName(input.name) : null,
        input.center != null ? checkCenter(input.center) : null,
        input.radiusMeters != null ? checkRadius(input.radiusMeters) : null,
      ].filter((found): found is CityUserError => found !== null);
      if (problems.length) return { city: null, userErrors: problems };
      const notFound: CityUserError = { code: 'CITY_NOT_FOUND', message: 'No city has this id', field: ['id'] };
      if (!isUuid(id)) return fail(notFound);
      const name = input.name?.trim();
      let result: CityResult & { audited: boolean };
      try {
        result = await store.transaction(async (tx) => {
          const before = await tx.cities.lockById(id);
          if (!before) return { city: null, userErrors: [notFound], audited: false };
          const next = {
            name: name ?? before.name,
            centerLatitude: input.center?.latitude ?? before.centerLatitude,
            centerLongitude: input.center?.longitude ?? before.centerLongitude,
            radiusMeters: input.radiusMeters ?? before.radiusMeters,
          };
          const changes = changedFields(before, next);
          if (!changes) return { city: before, userErrors: [], audited: false };
          const updated = await tx.cities.update(before.id, next);
          await tx.outbox.add(auditEvent('trips', staff, { action: 'city.update', target: { type: 'City', id: before.id }, ...changes }, clock.now()));
          return { city: updated, userErrors: [], audited: true };
        });
      } catch (error) {
        if (isUniqueViolation(error) && name !== undefined) return fail(nameTaken(name));
        throw error;
      }
      if (result.audited) wakeRelay();
      return { city: result.city, userErrors: result.userErrors };
    },
  };
}
