// Points for ratings given (trip.rated): a rider who rates a trip (RATING_GIVEN) and a driver who rates their rider
// (DRIVER_RATING_GIVEN). Every rating is also recorded (trip_ratings): the riders' ratings of drivers are what
// five-star weeks are judged on (five-star-weeks.ts). trip.rated names the driver by profile id; the profile's user
// comes from fleet's driver.status.changed (driver-fleets.ts). A driver's rating handled before gamification knows
// whose profile it is waits in trip_ratings and is awarded when the profile is learnt (both under the profile's lock).
import type { DomainEvents } from '../../../../platform/events/index.js';
import { lockDriverProfile, recordTripRating, userOfDriver, type TripRatingFact } from '../store/earning-facts-store.js';
import { fleetOfDriver, lockUsers, type GamificationTx } from '../store/ledger-store.js';
import { rulesInForce } from '../store/rules-store.js';
import { badgeOf, postAward } from './awards.js';

export async function onTripRated(tx: GamificationTx, rated: DomainEvents['trip.rated']): Promise<void> {
  const rating: TripRatingFact = {
    tripId: rated.tripId,
    by: rated.by,
    driverId: rated.driverId,
    riderUserId: rated.riderUserId,
    rating: rated.rating,
    occurredAt: new Date(rated.occurredAt),
  };
  if (rated.by === 'RIDER') {
    await recordTripRating(tx, rating);
    await awardRatingByRider(tx, rating);
    return;
  }
  await lockDriverProfile(tx, rated.driverId);
  await recordTripRating(tx, rating);
  const userId = await userOfDriver(tx, rated.driverId);
  if (userId) await awardRatingByDriver(tx, userId, rating);
}

async function awardRatingByRider(tx: GamificationTx, rating: TripRatingFact): Promise<void> {
  await lockUsers(tx, [rating.riderUserId]);
  for (const rule of (await rulesInForce(tx, ['RATING_GIVEN'], rating.occurredAt))('RATING_GIVEN')) {
    if (rule.points > 0) {
      await postAward(tx, {
        userId: rating.riderUserId,
        delta: rule.points,
        reason: 'TRIP_RATED',
        sourceId: rating.tripId,
        ruleId: rule.id,
        ruleKey: rule.key,
        cause: `rated:${rule.id}:${rating.tripId}:RIDER`,
        note: rule.description,
        createdAt: rating.occurredAt,
        board: { scope: 'RIDERS', at: rating.occurredAt },
      });
    }
    await badgeOf(tx, rule, rating.riderUserId, rating.occurredAt);
  }
}

/**
 * The driver's points for rating their rider, on the drivers' boards (their fleet's too, as known now). Once per trip
 * and rule version (cause `rated:<rule>:<trip>:DRIVER`). The caller holds the driver profile's lock.
 */
export async function awardRatingByDriver(tx: GamificationTx, userId: string, rating: TripRatingFact): Promise<void> {
  await lockUsers(tx, [userId]);
  const fleetId = await fleetOfDriver(tx, userId);
  for (const rule of (await rulesInForce(tx, ['DRIVER_RATING_GIVEN'], rating.occurredAt))('DRIVER_RATING_GIVEN')) {
    if (rule.points > 0) {
      await postAward(tx, {
        userId,
        delta: rule.points,
        reason: 'RIDER_RATED',
        sourceId: rating.tripId,
        ruleId: rule.id,
        ruleKey: rule.key,
        cause: `rated:${rule.id}:${rating.tripId}:DRIVER`,
        fleetId,
        note: rule.description,
        createdAt: rating.occurredAt,
        board: { scope: 'DRIVERS', at: rating.occurredAt },
      });
    }
    await badgeOf(tx, rule, userId, rating.occurredAt);
  }
}
