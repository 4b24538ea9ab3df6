// Announcements: operations write to an audience (all riders, all drivers, a fleet's drivers) through chosen
// channels. The request only records the announcement; the announcer writes it to the audience in batches of
// ANNOUNCEMENT_BATCH users in user id order, each batch and the announcement's cursor in one transaction (so every
// recipient gets it exactly once, across restarts and replicas: FOR UPDATE SKIP LOCKED on the announcement), in the
// background, so a large audience blocks no request. A batch is five statements whatever its size: the claim, the
// inbox rows (INSERT … SELECT from the audience), the recipients' settings, the deliveries (unnest), the cursor.
import { setTimeout as sleep } from 'node:timers/promises';
import { auditEvent } from '../../../../platform/audit/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { hasAnyRole, type Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import { loadDeliverySettings } from '../store/delivery-plan-store.js';
import { insertDeliveries } from '../store/inbox-rows-store.js';
import { Prisma, type Announcement, type AnnouncementAudience, type DeliveryChannel } from '../store/prisma/client.js';
import { NOTIFICATION_TYPES } from '../templates/catalogue.js';
import { renderMessage } from '../templates/render.js';
import { createPollingLoop, type PollingLoop } from '../../../../platform/jobs/index.js';
import { planDeliveries } from './inbox-writer.js';
import type { LiveAnnouncer } from './live-announcer.js';

export const ANNOUNCEMENT_BATCH = 500;
/**
 * The announcer's pause after each batch: a timer's turn (0 ms), so requests and the event consumer get the event
 * loop and the pool between batches. Longer pauses and smaller batches were measured and not kept (README,
 * Announcements): a batch costs a fixed number of round trips, so they slowed the announcement without a read
 * latency gain that the (shared, noisy) machine could show.
 */
export const ANNOUNCEMENT_PAUSE_MS = 0;

export interface AnnouncementInput {
  audience: AnnouncementAudience;
  fleetId?: string | null;
  title: string;
  body: string;
  link?: string | null;
  channels: readonly DeliveryChannel[];
  idempotencyKey: string;
}

const bad = (message: string, field: string) => new AppError('BAD_USER_INPUT', message, { extensions: { field } });

/**
 * Records an announcement (idempotent by key: the same key returns the first one) and wakes the announcer.
 * @throws AppError FORBIDDEN unless SUPER_ADMIN/OPERATIONS; BAD_USER_INPUT (with `extensions.field`) for bad input.
 */
export async function createAnnouncement(prisma: NotificationsPrisma, viewer: Viewer | null, input: AnnouncementInput): Promise<Announcement> {
  if (!viewer || !hasAnyRole(viewer, ['SUPER_ADMIN', 'OPERATIONS'])) throw new AppError('FORBIDDEN', 'Only operations staff may send announcements');
  const title = input.title.trim();
  const body = input.body.trim();
  if (title.length < 1 || title.length > 120) throw bad('title must be 1 to 120 characters', 'title');
  if (body.length < 1 || body.length > 2000) throw bad('body must be 1 to 2000 characters', 'body');
  if (input.link && !/^(ridegraph:\/\/|https:\/\/)\S+$/.test(input.link)) throw bad('link must be a ridegraph:// or https:// address', 'link');
  if (input.idempotencyKey.length < 8 || input.idempotencyKey.length > 100) throw bad('idempotencyKey must be 8 to 100 characters', 'idempotencyKey');
  if (input.audience === 'FLEET_DRIVERS') {
    if (!input.fleetId || !isUuid(input.fleetId)) throw bad('FLEET_DRIVERS needs the fleetId of a fleet', 'fleetId');
  } else if (input.fleetId) throw bad('fleetId is only for FLEET_DRIVERS', 'fleetId');
  const existing = await prisma.announcement.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return existing;
  const data = {
    idempotencyKey: input.idempotencyKey,
    audience: input.audience,
    fleetId: input.fleetId ?? null,
    title,
    body,
    link: input.link ?? null,
    channels: [...new Set(input.channels)],
    createdBy: viewer.userId,
  };
  return prisma.$transaction(async (tx) => {
    // Two requests racing with one key: one inserts (and is audited), the other finds its announcement.
    const [created] = await tx.announcement.createManyAndReturn({ data: [data], skipDuplicates: true });
    if (!created) return tx.announcement.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
    const { audience, fleetId, channels } = created;
    await tx.outboxEvent.create({
      data: auditEvent('notifications', viewer, {
        action: 'announcement.send',
        target: { type: 'Announcement', id: created.id },
        after: { audience, fleetId, title: created.title, body: created.body, link: created.link, channels },
      }) as never,
    });
    return created;
  });
}

/** What a batch needs of the announcement it claimed (one statement: the lock and the row). */
type ClaimedAnnouncement = Pick<Announcement, 'id' | 'audience' | 'fleetId' | 'title' | 'body' | 'link' | 'channels' | 'cursor'>;

export function createAnnouncer(deps: {
  prisma: NotificationsPrisma;
  live: LiveAnnouncer;
  logger: Logger;
  onQueued?: () => void;
  pollIntervalMs?: number;
  batchSize?: number;
  pauseMs?: number;
}): PollingLoop {
  const { prisma, live, logger, onQueued } = deps;
  const batchSize = deps.batchSize ?? ANNOUNCEMENT_BATCH;
  const pauseMs = deps.pauseMs ?? ANNOUNCEMENT_PAUSE_MS;

  /** Writes one batch of one unfinished announcement. @returns false when none is left. */
  async function step(): Promise<boolean> {
    const written = await prisma.$transaction(async (tx) => {
      const [announcement] = await tx.$queryRaw<ClaimedAnnouncement[]>`
        select id::text as id, audience::text as audience, fleet_id::text as "fleetId", title, body, link, channels::text[] as channels,
          cursor::text as cursor
        from notifications.announcements where completed_at is null order by created_at limit 1 for update skip locked`;
      if (!announcement) return null;
      const after = announcement.cursor ?? '00000000-0000-0000-0000-000000000000';
      const audience =
        announcement.audience === 'FLEET_DRIVERS'
          ? Prisma.sql`select d.user_id from notifications.driver_fleets d
              join notifications.known_users u on u.user_id = d.user_id and u.active
              where d.fleet_id = ${announcement.fleetId}::uuid and d.user_id > ${after}::uuid order by d.user_id limit ${batchSize}`
          : Prisma.sql`select user_id from notifications.known_users
              where active and ${announcement.audience === 'ALL_RIDERS' ? 'RIDER' : 'DRIVER'} = any(roles) and user_id > ${after}::uuid
              order by user_id limit ${batchSize}`;
      const now = new Date();
      const text = renderMessage({ type: 'ANNOUNCEMENT', title: announcement.title, body: announcement.body, link: announcement.link });
      // The batch's inbox rows in one INSERT … SELECT from the audience; their deliveries planned by the same rules as
      // every message's (inbox-writer.ts: an explicit opt-out, quiet hours) and inserted in one statement.
      const inserted = await tx.$queryRaw<{ id: string; user_id: string }[]>`
        with recipients as (${audience}),
        inserted as (
          insert into notifications.notifications (id, user_id, kind, type, title, body, link, created_at)
          select gen_random_uuid(), user_id, ${NOTIFICATION_TYPES.ANNOUNCEMENT.kind}::notifications."NotificationKind", 'ANNOUNCEMENT',
            ${text.title}, ${text.body}, ${text.link}, ${now} from recipients
          returning id, user_id)
        select id::text as id, user_id::text as user_id from inserted order by inserted.user_id`;
      const notifications = inserted.map((n) => ({ id: n.id, userId: n.user_id }));
      const settings = await loadDeliverySettings(
        tx,
        notifications.map((n) => n.userId),
      );
      const deliveries = notifications.flatMap((n) => planDeliveries(n, 'ANNOUNCEMENT', announcement.channels, settings.get(n.userId)!, now));
      await insertDeliveries(tx, deliveries);
      await tx.announcement.update({
        where: { id: announcement.id },
        data: {
          cursor: notifications.at(-1)?.userId ?? announcement.cursor,
          recipientCount: { increment: notifications.length },
          completedAt: notifications.length < batchSize ? new Date() : null,
        },
      });
      return { notifications, queued: deliveries.some((d) => d.status === 'QUEUED') };
    });
    if (!written) return false;
    if (written.notifications.length > 0) await live.added(written.notifications);
    if (written.queued) onQueued?.();
    return true;
  }

  return createPollingLoop({
    name: 'announcer',
    logger,
    pollIntervalMs: deps.pollIntervalMs ?? 2000,
    pass: async () => {
      const wrote = await step();
      // Leave the event loop and the pool to requests and the event consumer between batches (ANNOUNCEMENT_PAUSE_MS).
      if (wrote) await sleep(pauseMs);
      return wrote ? 1 : 0;
    },
  });
}
