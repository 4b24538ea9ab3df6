// Fare estimates: the service area and the pricing version in force for the pickup point, the route estimate, the surge from demand and
// supply near the pickup. An estimate is stored as a quote that requestTrip honours until it expires.
import type { Viewer } from '../../../../platform/auth/index.js';
import type { Clock } from '../clock.js';
import type { TripsConfig } from '../config.js';
import type { City, FareQuote, PricingRule, VehicleCategory } from '../store/prisma/client.js';
import type { TripsStore } from '../store/store.js';
import type { Point } from '../../../../platform/geo/index.js';
import { cityFor, estimateRoute, fareMinor, inCity, isValidPoint, surgeTenths } from './pricing.js';
import { signedIn } from './trip-access.js';
import { userError, type TripUserError } from './user-errors.js';

export interface RideInput {
  pickup: Point;
  dropoff: Point;
  category: VehicleCategory;
}

export interface Price {
  city: City;
  rule: PricingRule;
  distanceMeters: number;
  durationSeconds: number;
  surgeTenths: number;
  amountMinor: number;
}

export type PricingService = ReturnType<typeof createPricingService>;

export function createPricingService(deps: { store: TripsStore; config: TripsConfig; clock: Clock }) {
  const { store, config, clock } = deps;

  /** Input problems of a ride, with fields under `input`. */
  function checkRide(input: RideInput): TripUserError | null {
    for (const side of ['pickup', 'dropoff'] as const) {
      if (!isValidPoint(input[side])) {
        return userError('INVALID_COORDINATES', `The ${side} point needs a latitude from -90 to 90 and a longitude from -180 to 180`, ['input', side]);
      }
    }
    return null;
  }

  /**
   * Prices a ride now; a user error when the input is bad, the pickup is outside every service area or the
   * drop-off outside the pickup's, the ride is longer than `maxTripDistanceMeters` or dearer than `maxFareMinor`.
   */
  async function price(input: RideInput): Promise<Price | TripUserError> {
    const invalid = checkRide(input);
    if (invalid) return invalid;
    const city = cityFor(await store.pricing.listCities(), input.pickup);
    if (!city) return userError('OUTSIDE_SERVICE_AREA', 'Ridegraph does not serve this pickup point yet', ['input', 'pickup']);
    // A ride stays in the city that prices it: its rules, currency and drivers are that city's.
    if (!inCity(city, input.dropoff))
      return userError('OUTSIDE_SERVICE_AREA', `The drop-off point is outside ${city.name}'s service area`, ['input', 'dropoff']);
    // Before the rule and surge queries: a refused ride costs no more of them.
    const route = estimateRoute(city, input.pickup, input.dropoff);
    if (route.distanceMeters > config.maxTripDistanceMeters) {
      return userError(
        'TRIP_TOO_LONG',
        `Rides are at most ${config.maxTripDistanceMeters / 1000} km by road; this one is about ${Math.round(route.distanceMeters / 1000)} km`,
        ['input', 'dropoff'],
      );
    }
    const now = clock.now().getTime();
    // The version in force now; the quote and the trip keep its id, so a later version never reprices them.
    const rule = await store.pricing.findRuleInForce(city.id, input.category, new Date(now));
    if (!rule) return userError('CATEGORY_NOT_OFFERED', `${city.name} offers no ${input.category} rides`, ['input', 'category']);
    const [demand, supply] = await Promise.all([
      store.pricing.countWaitingNear(input.pickup.latitude, input.pickup.longitude, config.surgeRadiusMeters, new Date(now - config.surgeWindowSeconds * 1000)),
      store.dispatch.countAvailableNear(
        input.category,
        input.pickup.latitude,
        input.pickup.longitude,
        config.surgeRadiusMeters,
        new Date(now - config.supplyFreshnessSeconds * 1000),
      ),
    ]);
    const surge = surgeTenths(demand, supply, rule.surgeCapTenths);
    const amountMinor = fareMinor(rule, route.distanceMeters, route.durationSeconds, surge);
    // A backstop against a mistaken pricing rule: no ride is worth more than this.
    if (amountMinor > config.maxFareMinor)
      return userError('FARE_TOO_HIGH', `The price is above the highest fare (${config.maxFareMinor} minor units)`, ['input']);
    return { city, rule, ...route, surgeTenths: surge, amountMinor };
  }

  return {
    checkRide,
    price,

    /** @throws AppError UNAUTHENTICATED without a viewer. */
    async estimate(viewer: Viewer | null, input: RideInput): Promise<{ quote: FareQuote; city: City } | { userErrors: TripUserError[] }> {
      const rider = signedIn(viewer, 'estimateFare');
      const priced = await price(input);
      if ('code' in priced) return { userErrors: [priced] };
      const now = clock.now();
      const quote = await store.pricing.createQuote({
        riderUserId: rider.userId,
        pricingRuleId: priced.rule.id,
        category: input.category,
        pickupLatitude: input.pickup.latitude,
        pickupLongitude: input.pickup.longitude,
        dropoffLatitude: input.dropoff.latitude,
        dropoffLongitude: input.dropoff.longitude,
        distanceMeters: priced.distanceMeters,
        durationSeconds: priced.durationSeconds,
        surgeTenths: priced.surgeTenths,
        amountMinor: priced.amountMinor,
        currency: priced.city.currency,
        expiresAt: new Date(now.getTime() + config.quoteTtlSeconds * 1000),
      });
      return { quote, city: priced.city };
    },
  };
}
