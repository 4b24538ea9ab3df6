// Builds the gamification subgraph (schema, context, resources) without listening; starts its background work: the
// outbox relay (points.awarded, level.reached, badge.earned, points.redeemed, coupon.redeemed) and the earning
// consumer (group "gamification": payment.succeeded, payment.refunded, trip.rated, user.registered) and the drivers'
// fleets and profiles (group "gamification.drivers": driver.status.changed), the points expiry job and the drivers'
// five-star-week job, all stopped on close.
import { AsyncLocalStorage } from 'node:async_hooks';
import { startOutboxRelay, type EventConsumer, type OutboxRelay } from '../../../platform/events/index.js';
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { readGamificationConfig, type GamificationConfig } from './config.js';
import type { GamificationContext } from './context.js';
import { createGamificationLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createDriverFleets, DRIVER_FLEETS_GROUP, DRIVER_FLEETS_TYPES } from './services/driver-fleets.js';
import { EARNING_GROUP, EARNING_TYPES } from './services/earning.js';
import { startExpiryLoop } from './services/expiry.js';
import { createLoyaltyServices, type LoyaltyServices } from './services/index.js';
import { collectBoardUpdates } from './store/board-updates.js';
import { openGamificationDatabase } from './store/database.js';
import { createSqlLeaderboardIndex, type LeaderboardIndex } from './store/leaderboard-index.js';
import { createRedisLeaderboardIndex } from './store/leaderboard-redis.js';
import { createPointsStore } from './store/points-store.js';

export interface GamificationBuildOptions {
  /** Default true: consume the earning events and run the expiry job (tests of other behaviour drive them by hand). */
  background?: boolean;
  /** Default: read from the environment (readGamificationConfig); a partial object overrides single values. */
  config?: Partial<GamificationConfig>;
}

export type GamificationSubgraph = BuiltSubgraph<GamificationContext> & {
  services: LoyaltyServices;
  relay: OutboxRelay;
  consumers: EventConsumer[];
};

export async function buildGamificationSubgraph(deps: SubgraphDeps, options: GamificationBuildOptions = {}): Promise<GamificationSubgraph> {
  const logger = deps.logger.child({ subgraph: 'gamification' });
  // Statements of the relay and the consumer are not reported to deps.onStatement: tests count a request's own.
  const background = new AsyncLocalStorage<true>();
  const inBackground = <T>(work: () => T): T => background.run(true, work);
  const onStatement = deps.onStatement && ((sql: string) => background.getStore() || deps.onStatement!(sql));
  const prisma = openGamificationDatabase(deps.database, onStatement);
  const points = createPointsStore(prisma);

  const relay = inBackground(() => startOutboxRelay({ db: prisma, schema: 'gamification', source: 'gamification', bus: deps.events, logger }));
  const wakeRelay = () => inBackground(() => relay.wake());
  const config: GamificationConfig = { ...readGamificationConfig(process.env), ...options.config };
  // Distributed mode ranks in Redis sorted sets; embedded mode in PostgreSQL's index (LOYALTY.md "Leaderboards").
  const leaderboardIndex: LeaderboardIndex = deps.redisUrl
    ? createRedisLeaderboardIndex(prisma, { redisUrl: deps.redisUrl, prefix: config.leaderboardRedisPrefix, logger })
    : createSqlLeaderboardIndex(prisma);
  const services = createLoyaltyServices({ prisma, wakeRelay, pointsExpireDays: config.pointsExpireDays, leaderboardIndex, logger });
  // Several members of the group in this process: what they hold at once is handled as one batch (earning-consumer.ts),
  // which moves the boards and wakes the relay itself.
  const consumers: EventConsumer[] =
    options.background === false
      ? []
      : Array.from({ length: config.earningConcurrency }, () =>
          inBackground(() =>
            deps.events.consume({
              group: EARNING_GROUP,
              types: [...EARNING_TYPES],
              handle: (event) => inBackground(async () => void (await services.earning.handle(event))),
            }),
          ),
        );
  const handleDriverChange = createDriverFleets(prisma);
  if (options.background !== false) {
    consumers.push(
      inBackground(() =>
        deps.events.consume({
          group: DRIVER_FLEETS_GROUP,
          types: [...DRIVER_FLEETS_TYPES],
          handle: (event) =>
            inBackground(async () => {
              // Learning a driver's profile can award the ratings they gave before: scores to the index after the commit.
              const { result: ran, scores } = await collectBoardUpdates(() => handleDriverChange(event));
              await leaderboardIndex.apply(scores);
              if (ran) wakeRelay();
            }),
        }),
      ),
    );
  }

  const expiry =
    options.background === false || config.pointsExpireDays === 0
      ? null
      : startExpiryLoop(
          () => inBackground(() => services.expiry.run()),
          config.expiryIntervalMs,
          (error) => logger.error({ err: error }, 'points expiry run failed'),
        );

  const fiveStarWeeks =
    options.background === false
      ? null
      : startExpiryLoop(
          () => inBackground(() => services.fiveStarWeeks.run()),
          config.fiveStarWeekIntervalMs,
          (error) => logger.error({ err: error }, 'five-star-week run failed'),
        );

  const built = defineSubgraph<GamificationContext>({
    name: 'gamification',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ viewer }) => ({ viewer, loaders: createGamificationLoaders(points, prisma), logger: deps.logger, services }),
    // The consumer first (it writes events), the relay last so it publishes what the consumer wrote.
    async onClose() {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await expiry?.stop();
      await fiveStarWeeks?.stop();
      await relay.stop();
      await leaderboardIndex.close();
    },
  });
  return { ...built, services, relay, consumers };
}
