// Pricing administration: operations set a city's prices per category as a new version taking effect at a given
// instant. A version is never changed in place, so every quote and trip keeps the prices it was given; the whole
// history stays readable. Each new version is recorded in the audit log in the transaction that writes it.
import { auditEvent } from '../../../../platform/audit/index.js';
import { seesEverything, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import type { EventJson } from '../../../../platform/events/catalogue.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Clock } from '../clock.js';
import type { TripsConfig } from '../config.js';
import type { PricingUserErrorCode, SetPricingInput } from '../generated/resolvers-types.js';
import type { PricingRule } from '../store/prisma/client.js';
import { isUniqueViolation, type TripsStore } from '../store/store.js';

/** A version with its city's currency (every amount of it is in that currency). */
export type PricingVersionModel = PricingRule & { currency: string };

export interface PricingUserError {
  field: string[] | null;
  message: string;
  code: PricingUserErrorCode;
}

export interface SetPricingResult {
  pricing: PricingVersionModel | null;
  userErrors: PricingUserError[];
}

/** An effectiveFrom this far in the past is taken as now: the client's clock may be a little behind ours. */
export const EFFECTIVE_FROM_SKEW_MS = 60_000;
/** Prices may be set at most this far ahead. */
export const MAX_EFFECTIVE_AHEAD_MS = 366 * 86_400_000;
export const MAX_FREE_CANCELLATION_SECONDS = 3600;
export const MAX_SURGE_CAP_TENTHS = 100;

const MONEY_FIELDS = ['baseFare', 'perKm', 'perMinute', 'minimumFare', 'cancellationFee'] as const;

const problem = (code: PricingUserErrorCode, message: string, field?: string): PricingUserError => ({
  code,
  message,
  field: field ? ['input', field] : null,
});

/** What the audit log keeps of a version: the prices, not the bookkeeping. */
export function auditedPrices(version: PricingRule): EventJson {
  return {
    pricingVersionId: version.id,
    category: version.category,
    version: version.version,
    effectiveFrom: version.effectiveFrom.toISOString(),
    baseFareMinor: version.baseFareMinor,
    perKmMinor: version.perKmMinor,
    perMinuteMinor: version.perMinuteMinor,
    minimumFareMinor: version.minimumFareMinor,
    cancellationFeeMinor: version.cancellationFeeMinor,
    freeCancellationSeconds: version.freeCancellationSeconds,
    surgeCapTenths: version.surgeCapTenths,
  };
}

export type PricingAdminService = ReturnType<typeof createPricingAdminService>;

export function createPricingAdminService(deps: { store: TripsStore; config: Pick<TripsConfig, 'maxFareMinor'>; clock: Clock; wakeRelay: () => void }) {
  const { store, config, clock, wakeRelay } = deps;

  /** Every input problem at once (the client fixes them in one go), and the instant the version takes effect. */
  function check(input: SetPricingInput, now: Date): { problems: PricingUserError[]; effectiveFrom: Date; surgeCapTenths: number } {
    const problems: PricingUserError[] = [];
    for (const field of MONEY_FIELDS) {
      const amount = input[field];
      if (!Number.isInteger(amount) || amount < 0 || amount > config.maxFareMinor) {
        problems.push(problem('INVALID_PRICE', `${field} must be a whole number of minor units from 0 to ${config.maxFareMinor}`, field));
      }
    }
    if (input.minimumFare < input.baseFare) problems.push(problem('INVALID_PRICE', 'minimumFare must be at least baseFare', 'minimumFare'));
    const free = input.cancellationFreeSeconds;
    if (!Number.isInteger(free) || free < 0 || free > MAX_FREE_CANCELLATION_SECONDS) {
      problems.push(problem('INVALID_CANCELLATION_PERIOD', `cancellationFreeSeconds must be 0 to ${MAX_FREE_CANCELLATION_SECONDS}`, 'cancellationFreeSeconds'));
    }
    // Tenths, like the surge itself: 2.5 is 25; 2.55 is refused rather than rounded behind the caller's back.
    const surgeCapTenths = Math.round(input.surgeCap * 10);
    if (
      !Number.isFinite(input.surgeCap) ||
      Math.abs(input.surgeCap * 10 - surgeCapTenths) > 1e-9 ||
      surgeCapTenths < 10 ||
      surgeCapTenths > MAX_SURGE_CAP_TENTHS
    ) {
      problems.push(problem('INVALID_SURGE_CAP', `surgeCap must be 1.0 to ${MAX_SURGE_CAP_TENTHS / 10} in steps of 0.1`, 'surgeCap'));
    }
    const requested = input.effectiveFrom ?? now;
    if (requested.getTime() < now.getTime() - EFFECTIVE_FROM_SKEW_MS) {
      problems.push(problem('INVALID_EFFECTIVE_FROM', 'effectiveFrom is in the past: prices already given are never changed', 'effectiveFrom'));
    } else if (requested.getTime() > now.getTime() + MAX_EFFECTIVE_AHEAD_MS) {
      problems.push(problem('INVALID_EFFECTIVE_FROM', 'effectiveFrom is more than a year ahead', 'effectiveFrom'));
    }
    // Within the skew: now, so a version never claims to have priced quotes given before it existed.
    const effectiveFrom = requested.getTime() < now.getTime() ? now : requested;
    return { problems, effectiveFrom, surgeCapTenths };
  }

  return {
    /** Every service area, by name (the schema lets only staff ask). */
    listCities: () => store.pricing.listCities(),

    /**
     * Writes a new pricing version of (city, category) and its audit entry in one transaction, under the city's
     * row lock (versions of one city are numbered one at a time). Nothing is written when there are user errors.
     * @throws AppError UNAUTHENTICATED / FORBIDDEN unless SUPER_ADMIN or OPERATIONS (the schema says so too).
     */
    async setPricing(viewer: Viewer | null, input: SetPricingInput): Promise<SetPricingResult> {
      if (!viewer) throw new AppError('UNAUTHENTICATED', 'setPricing requires a signed-in user');
      if (!seesEverything(viewer)) throw new AppError('FORBIDDEN', 'Only operations staff set prices');
      const now = clock.now();
      const { problems, effectiveFrom, surgeCapTenths } = check(input, now);
      if (problems.length) return { pricing: null, userErrors: problems };
      const cityNotFound = problem('CITY_NOT_FOUND', 'No city has this id', 'cityId');
      if (!isUuid(input.cityId)) return { pricing: null, userErrors: [cityNotFound] };
      let result: SetPricingResult;
      try {
        result = await store.transaction(async (tx) => {
          const city = await tx.pricingVersions.lockCity(input.cityId);
          if (!city) return { pricing: null, userErrors: [cityNotFound] };
          // The version whose time this one ends: in force just before effectiveFrom.
          const replaced = await tx.pricing.findRuleInForce(city.id, input.category, effectiveFrom);
          const latest = await tx.pricingVersions.findLatestCreated(city.id, input.category);
          const created = await tx.pricingVersions.create({
            cityId: city.id,
            category: input.category,
            version: (latest?.version ?? 0) + 1,
            baseFareMinor: input.baseFare,
            perKmMinor: input.perKm,
            perMinuteMinor: input.perMinute,
            minimumFareMinor: input.minimumFare,
            cancellationFeeMinor: input.cancellationFee,
            freeCancellationSeconds: input.cancellationFreeSeconds,
            surgeCapTenths,
            effectiveFrom,
            createdByUserId: viewer.userId,
          });
          await tx.outbox.add(
            auditEvent(
              'trips',
              viewer,
              {
                action: 'pricing.set',
                target: { type: 'City', id: city.id },
                before: replaced ? auditedPrices(replaced) : null,
                after: auditedPrices(created),
              },
              now,
            ),
          );
          return { pricing: { ...created, currency: city.currency }, userErrors: [] };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return {
          pricing: null,
          userErrors: [
            problem('EFFECTIVE_FROM_TAKEN', `The city already has ${input.category} prices taking effect at ${effectiveFrom.toISOString()}`, 'effectiveFrom'),
          ],
        };
      }
      if (result.pricing) wakeRelay();
      return result;
    },
  };
}
