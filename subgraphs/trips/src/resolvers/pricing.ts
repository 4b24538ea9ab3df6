// Pricing administration: `cities`, `City.pricing` / `City.pricingHistory`, `setPricing`, `createCity` / `updateCity`. Thin: the service
// decides, the loaders read; these only adapt shapes (minor units → Money, tenths → a multiplier).
import { readPageArgs, toConnection } from '../../../../platform/graphql/index.js';
import type { CityResolvers, MutationResolvers, PricingVersionResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { surgeMultiplier } from '../services/pricing.js';
import type { PricingVersionModel } from '../services/pricing-admin.js';

export const PricingQuery: Pick<QueryResolvers, 'cities' | 'city'> = {
  // Schema: staff only. A short list (one row per service area), read whole.
  cities: (_parent, _args, { services }) => services.pricingAdmin.listCities(),
  city: (_parent, { id }, { loaders }) => loaders.cityById.load(id),
};

export const PricingMutation: Pick<MutationResolvers, 'setPricing' | 'createCity' | 'updateCity'> = {
  setPricing: (_parent, { input }, { viewer, services }) => services.pricingAdmin.setPricing(viewer, input),
  createCity: (_parent, { input }, { viewer, services }) => services.cityAdmin.createCity(viewer, input),
  updateCity: (_parent, { id, input }, { viewer, services }) => services.cityAdmin.updateCity(viewer, id, input),
};

export const City: CityResolvers = {
  center: (city) => ({ latitude: city.centerLatitude, longitude: city.centerLongitude }),
  pricing: async (city, { category }, { loaders }) => {
    const version = (await loaders.pricingInForceByCityId.load(city.id)).find((v) => v.category === category);
    return version ? { ...version, currency: city.currency } : null;
  },
  pricingHistory: async (city, args, { loaders }) => {
    const page = readPageArgs(args);
    const rows = await loaders.pricingHistory.load({ cityId: city.id, category: args.category ?? null, page });
    const versions: PricingVersionModel[] = rows.map((version) => ({ ...version, currency: city.currency }));
    return toConnection(versions, page, (version) => ({ at: version.effectiveFrom, id: version.id }));
  },
};

const money = (amountMinor: number, currency: string) => ({ amountMinor, currency });

export const PricingVersion: PricingVersionResolvers = {
  baseFare: (v) => money(v.baseFareMinor, v.currency),
  perKm: (v) => money(v.perKmMinor, v.currency),
  perMinute: (v) => money(v.perMinuteMinor, v.currency),
  minimumFare: (v) => money(v.minimumFareMinor, v.currency),
  cancellationFee: (v) => money(v.cancellationFeeMinor, v.currency),
  cancellationFreeSeconds: (v) => v.freeCancellationSeconds,
  surgeCap: (v) => surgeMultiplier(v.surgeCapTenths),
  createdBy: (v) => (v.createdByUserId ? { id: v.createdByUserId } : null),
};
