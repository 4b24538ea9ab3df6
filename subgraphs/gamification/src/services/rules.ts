// Operations manage earning rules. A rule is a chain of versions sharing a key; at most one version of a key is in
// force. A change retires the version in force and adds the next one effective now, in one transaction: entries
// already written keep the points they were given, and events that occurred earlier are still awarded by the
// version then in force (rules are looked up by the event's occurredAt). Every change is audited (platform/audit).
import { auditEvent } from '../../../../platform/audit/index.js';
import type { EventJson } from '../../../../platform/events/catalogue.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { ChangeEarningRuleInput, CreateEarningRuleInput } from '../generated/resolvers-types.js';
import type { GamificationPrisma } from '../store/database.js';
import type { EarningRule, RuleTrigger } from '../store/rules-store.js';
import { MAX_POINTS, textProblem, userError, type LoyaltyUserError } from './user-errors.js';

export interface RulePayload {
  rule: EarningRule | null;
  userErrors: LoyaltyUserError[];
}

const KEY = /^[a-z0-9-]{1,64}$/;
const BADGE = /^[A-Z0-9_]{1,64}$/;

interface RuleValues {
  trigger: RuleTrigger;
  points: number;
  perAmountMinor: number | null;
  streakDays: number | null;
  minRatings: number | null;
  badge: string | null;
  description: string;
}

/** What an audit entry shows of a rule version. */
function ruleJson(rule: EarningRule): EventJson {
  return {
    id: rule.id,
    key: rule.key,
    trigger: rule.trigger,
    points: rule.points,
    perAmountMinor: rule.perAmountMinor,
    streakDays: rule.streakDays,
    minRatings: rule.minRatings,
    badge: rule.badge,
    description: rule.description,
    effectiveFrom: rule.effectiveFrom.toISOString(),
  };
}

function valuesProblem(values: RuleValues): LoyaltyUserError | null {
  if (!Number.isInteger(values.points) || values.points < 1 || values.points > MAX_POINTS) {
    return userError('INVALID_POINTS', `points must be a whole number from 1 to ${MAX_POINTS}`, ['input', 'points']);
  }
  if (values.trigger === 'TRIP_PAID_RIDER') {
    const per = values.perAmountMinor;
    if (per === null || !Number.isInteger(per) || per < 1 || per > MAX_POINTS) {
      return userError('INVALID_RULE', `TRIP_PAID_RIDER needs perAmountMinor from 1 to ${MAX_POINTS}`, ['input', 'perAmountMinor']);
    }
  } else if (values.perAmountMinor !== null) {
    return userError('INVALID_RULE', 'perAmountMinor is for TRIP_PAID_RIDER only', ['input', 'perAmountMinor']);
  }
  if (values.trigger === 'RIDE_STREAK') {
    const days = values.streakDays;
    if (days === null || !Number.isInteger(days) || days < 2 || days > 365) {
      return userError('INVALID_RULE', 'RIDE_STREAK needs streakDays from 2 to 365', ['input', 'streakDays']);
    }
  } else if (values.streakDays !== null) {
    return userError('INVALID_RULE', 'streakDays is for RIDE_STREAK only', ['input', 'streakDays']);
  }
  if (values.trigger === 'FIVE_STAR_WEEK') {
    const min = values.minRatings;
    if (min === null || !Number.isInteger(min) || min < 1 || min > 1_000) {
      return userError('INVALID_RULE', 'FIVE_STAR_WEEK needs minRatings from 1 to 1,000', ['input', 'minRatings']);
    }
  } else if (values.minRatings !== null) {
    return userError('INVALID_RULE', 'minRatings is for FIVE_STAR_WEEK only', ['input', 'minRatings']);
  }
  if (values.badge !== null && !BADGE.test(values.badge)) {
    return userError('INVALID_RULE', 'badge must be 1 to 64 characters of A-Z, 0-9 and _', ['input', 'badge']);
  }
  return textProblem(values.description, 500, 'INVALID_RULE', ['input', 'description']);
}

export function createRulesService(prisma: GamificationPrisma, wakeRelay: () => void) {
  return {
    list(includeRetired: boolean): Promise<EarningRule[]> {
      return prisma.earningRule.findMany({
        where: includeRetired ? {} : { retiredAt: null },
        orderBy: [{ key: 'asc' }, { effectiveFrom: 'asc' }, { id: 'asc' }],
      });
    },

    async create(viewer: Viewer, input: CreateEarningRuleInput): Promise<RulePayload> {
      if (!KEY.test(input.key))
        return { rule: null, userErrors: [userError('INVALID_RULE', 'key must be 1 to 64 characters of a-z, 0-9 and -', ['input', 'key'])] };
      const values: RuleValues = {
        trigger: input.trigger,
        points: input.points,
        perAmountMinor: input.perAmountMinor ?? null,
        streakDays: input.streakDays ?? null,
        minRatings: input.minRatings ?? null,
        badge: input.badge ?? null,
        description: input.description,
      };
      const problem = valuesProblem(values);
      if (problem) return { rule: null, userErrors: [problem] };
      const result = await prisma.$transaction(async (tx) => {
        // Serializes rule changes of one key (two creators of the same key: one wins, one gets RULE_EXISTS).
        await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(hashtextextended('gamification.rule:' || $1, 0))`, input.key);
        if (await tx.earningRule.findFirst({ where: { key: input.key, retiredAt: null }, select: { id: true } })) {
          return { rule: null, userErrors: [userError('RULE_EXISTS', `a rule with key ${input.key} is in force already`, ['input', 'key'])] };
        }
        const rule = await tx.earningRule.create({
          data: { key: input.key, ...values, description: values.description.trim(), effectiveFrom: new Date(), createdBy: viewer.userId },
        });
        await tx.outboxEvent.create({
          data: auditEvent('gamification', viewer, {
            action: 'earning_rule.create',
            target: { type: 'EarningRule', id: rule.id },
            after: ruleJson(rule),
          }) as never,
        });
        return { rule, userErrors: [] };
      });
      if (result.rule) wakeRelay();
      return result;
    },

    async change(viewer: Viewer, id: string, input: ChangeEarningRuleInput): Promise<RulePayload> {
      const result = await prisma.$transaction(async (tx): Promise<RulePayload> => {
        const current = await findInForce(tx, id);
        if (!current) return { rule: null, userErrors: [userError('RULE_NOT_FOUND', 'no rule version with this id is in force', ['id'])] };
        const values: RuleValues = {
          trigger: current.trigger,
          points: input.points ?? current.points,
          perAmountMinor: input.perAmountMinor === undefined || input.perAmountMinor === null ? current.perAmountMinor : input.perAmountMinor,
          streakDays: input.streakDays === undefined || input.streakDays === null ? current.streakDays : input.streakDays,
          minRatings: input.minRatings === undefined || input.minRatings === null ? current.minRatings : input.minRatings,
          badge: input.badge === undefined || input.badge === null ? current.badge : input.badge === '' ? null : input.badge,
          description: input.description ?? current.description,
        };
        const problem = valuesProblem(values);
        if (problem) return { rule: null, userErrors: [problem] };
        const now = new Date();
        // Conditional: of two concurrent changes of one version, the second finds it retired.
        const { count } = await tx.earningRule.updateMany({ where: { id, retiredAt: null }, data: { retiredAt: now } });
        if (count === 0) return { rule: null, userErrors: [userError('RULE_NOT_FOUND', 'no rule version with this id is in force', ['id'])] };
        const rule = await tx.earningRule.create({
          data: { key: current.key, ...values, description: values.description.trim(), effectiveFrom: now, createdBy: viewer.userId },
        });
        // The retired version is the target; the new version's id is in `after`.
        await tx.outboxEvent.create({
          data: auditEvent('gamification', viewer, {
            action: 'earning_rule.change',
            target: { type: 'EarningRule', id: current.id },
            before: ruleJson(current),
            after: ruleJson(rule),
          }) as never,
        });
        return { rule, userErrors: [] };
      });
      if (result.rule) wakeRelay();
      return result;
    },

    async retire(viewer: Viewer, id: string): Promise<RulePayload> {
      const result = await prisma.$transaction(async (tx): Promise<RulePayload> => {
        const current = await findInForce(tx, id);
        if (!current) return { rule: null, userErrors: [userError('RULE_NOT_FOUND', 'no rule version with this id is in force', ['id'])] };
        const retiredAt = new Date();
        const { count } = await tx.earningRule.updateMany({ where: { id, retiredAt: null }, data: { retiredAt } });
        if (count === 0) return { rule: null, userErrors: [userError('RULE_NOT_FOUND', 'no rule version with this id is in force', ['id'])] };
        await tx.outboxEvent.create({
          data: auditEvent('gamification', viewer, {
            action: 'earning_rule.retire',
            target: { type: 'EarningRule', id },
            before: { key: current.key, retiredAt: null },
            after: { key: current.key, retiredAt: retiredAt.toISOString() },
          }) as never,
        });
        return { rule: await tx.earningRule.findUniqueOrThrow({ where: { id } }), userErrors: [] };
      });
      if (result.rule) wakeRelay();
      return result;
    },
  };
}

async function findInForce(tx: Pick<GamificationPrisma, 'earningRule'>, id: string): Promise<EarningRule | null> {
  if (!isUuid(id)) return null;
  return tx.earningRule.findFirst({ where: { id, retiredAt: null } });
}
