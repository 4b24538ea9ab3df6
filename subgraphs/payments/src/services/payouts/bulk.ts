// Bulk payouts: operations paste a CSV of `driverId,amountMinor[,reference]` (header required). Every row is
// checked (shape, then the database in pages: known driver, destination, no open payout, within the payable
// balance); any bad row → every problem returned, each naming its line and column, and nothing is created.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Viewer } from '../../../../../platform/auth/index.js';
import { AppError } from '../../../../../platform/errors/index.js';
import { isUuid } from '../../../../../platform/graphql/index.js';
import type { PaymentsPrisma } from '../../store/database.js';
import { findDriverProfiles } from '../../store/driver-profiles.js';
import { driverBalances, driversWithOpenPayout, insertDraftItems, usersWithDestination } from '../../store/payout-store.js';
import { claimKey, recordResult, requestHash } from '../idempotency.js';
import { MAX_POSTING_MINOR } from '../ledger.js';
import { recordAudit } from '../payment-events.js';
import { PAGE, type BatchPayload } from './batches.js';
import { payableOf } from './payable.js';
import { idempotencyKeyError, payoutError, rowError, type PayoutUserError } from './payout-errors.js';

export const MAX_BULK_ROWS = 10_000;
/** About 10,000 rows of a UUID, an amount and a short reference. */
export const MAX_BULK_CSV_BYTES = 2_000_000;
const COLUMNS = ['driverId', 'amountMinor', 'reference'] as const;

interface Row {
  line: number;
  driverId: string;
  amountMinor: bigint;
  reference: string | null;
}

/** Shape checks only. @returns the rows or the problems (all of them). */
export function parseBulkCsv(csv: string): { rows: Row[]; errors: PayoutUserError[] } {
  if (Buffer.byteLength(csv, 'utf8') > MAX_BULK_CSV_BYTES) {
    return { rows: [], errors: [payoutError('CSV_TOO_LARGE', `the CSV is larger than ${MAX_BULK_CSV_BYTES} bytes`, ['input', 'csv'])] };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [rowError(line, null, 'CSV_MALFORMED', `not valid CSV: ${(error as Error).message}`)] };
  }
  const [header, ...data] = records;
  const names = header?.record ?? [];
  const index = (name: string) => names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  const missing = ['driverId', 'amountMinor'].filter((name) => index(name) < 0);
  const unknown = names.filter((n) => !COLUMNS.some((c) => c.toLowerCase() === n.toLowerCase()));
  if (!header || missing.length > 0 || unknown.length > 0) {
    return {
      rows: [],
      errors: [
        rowError(
          1,
          missing[0] ?? unknown[0] ?? null,
          'CSV_MISSING_COLUMN',
          `the first line must be the header driverId,amountMinor[,reference]${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}`,
        ),
      ],
    };
  }
  if (data.length === 0) return { rows: [], errors: [rowError(1, null, 'CSV_NO_ROWS', 'the CSV has a header but no rows')] };
  if (data.length > MAX_BULK_ROWS) {
    return {
      rows: [],
      errors: [rowError(data[MAX_BULK_ROWS]!.info.lines, null, 'CSV_TOO_MANY_ROWS', `at most ${MAX_BULK_ROWS} rows per batch, got ${data.length}`)],
    };
  }
  const [iDriver, iAmount, iReference] = [index('driverId'), index('amountMinor'), index('reference')];
  const rows: Row[] = [];
  const errors: PayoutUserError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of data) {
    const line = info.lines;
    if (record.length !== names.length) {
      errors.push(rowError(line, null, 'CSV_MALFORMED', `expected ${names.length} fields as the header has, got ${record.length}`));
      continue;
    }
    const driverId = record[iDriver]!;
    const amountText = record[iAmount]!;
    const reference = iReference >= 0 && record[iReference] !== '' ? record[iReference]! : null;
    let ok = true;
    if (!isUuid(driverId)) {
      errors.push(rowError(line, 'driverId', 'UNKNOWN_DRIVER', `"${driverId.slice(0, 60)}" is not a driver id`));
      ok = false;
    } else {
      const first = firstLineOf.get(driverId.toLowerCase());
      if (first !== undefined) {
        errors.push(rowError(line, 'driverId', 'DUPLICATE_DRIVER', `driver ${driverId} is already on line ${first}`));
        ok = false;
      } else firstLineOf.set(driverId.toLowerCase(), line);
    }
    if (!/^-?[0-9]+$/.test(amountText)) {
      errors.push(rowError(line, 'amountMinor', 'INVALID_AMOUNT', `"${amountText.slice(0, 30)}" is not a whole number of minor units`));
      ok = false;
    } else if (BigInt(amountText) <= 0n || BigInt(amountText) > MAX_POSTING_MINOR) {
      errors.push(rowError(line, 'amountMinor', 'INVALID_AMOUNT', `amountMinor must be from 1 to ${MAX_POSTING_MINOR}, got ${amountText}`));
      ok = false;
    }
    if (reference !== null && reference.length > 140) {
      errors.push(rowError(line, 'reference', 'INVALID_REFERENCE', 'reference must be at most 140 characters'));
      ok = false;
    }
    if (ok) rows.push({ line, driverId: driverId.toLowerCase(), amountMinor: BigInt(amountText), reference });
  }
  return { rows, errors };
}

export function createBulkPayouts(deps: { prisma: PaymentsPrisma; currency: string }) {
  const { prisma, currency } = deps;

  /** The database checks of well-shaped rows, a page at a time. @returns the items to create, or the problems. */
  async function check(rows: readonly Row[]) {
    const errors: PayoutUserError[] = [];
    const items: { line: number; driverId: string; driverUserId: string; amountMinor: bigint; reference: string | null }[] = [];
    for (let start = 0; start < rows.length; start += PAGE) {
      const page = rows.slice(start, start + PAGE);
      const profiles = new Map(
        (
          await findDriverProfiles(
            prisma,
            page.map((r) => r.driverId),
          )
        ).map((p) => [p.driverId, p]),
      );
      const userIds = [...profiles.values()].map((p) => p.userId);
      const [withDestination, open, balances] = await Promise.all([
        usersWithDestination(prisma, userIds),
        driversWithOpenPayout(prisma, [...profiles.keys()]),
        driverBalances(prisma, userIds, currency),
      ]);
      for (const row of page) {
        const profile = profiles.get(row.driverId);
        if (!profile) {
          errors.push(rowError(row.line, 'driverId', 'UNKNOWN_DRIVER', `no driver ${row.driverId}`));
          continue;
        }
        if (!withDestination.has(profile.userId))
          errors.push(rowError(row.line, 'driverId', 'NO_DESTINATION', `driver ${row.driverId} has no payout destination`));
        else if (open.has(profile.driverId))
          errors.push(rowError(row.line, 'driverId', 'OPEN_PAYOUT', `driver ${row.driverId} already has a payout not yet final`));
        const payable = payableOf(balances.get(profile.userId), null);
        if (row.amountMinor > payable) {
          errors.push(
            rowError(row.line, 'amountMinor', 'EXCEEDS_PAYABLE_BALANCE', `${row.amountMinor} is more than driver ${row.driverId}'s payable balance ${payable}`),
          );
        }
        items.push({ line: row.line, driverId: profile.driverId, driverUserId: profile.userId, amountMinor: row.amountMinor, reference: row.reference });
      }
    }
    return { errors, items };
  }

  return {
    async create(viewer: Viewer, input: { csv: string; idempotencyKey: string }): Promise<BatchPayload> {
      const keyProblem = idempotencyKeyError(input.idempotencyKey);
      if (keyProblem) return { batch: null, userErrors: [keyProblem] };
      const scope = { userId: viewer.userId, operation: 'createBulkPayoutBatch', key: input.idempotencyKey };
      const hash = requestHash({ csv: input.csv });
      // A retry of a request that created its batch returns it (its rows would now fail: their drivers' payouts are open).
      const previous = await prisma.idempotencyKey.findUnique({ where: { userId_operation_key: scope } });
      if (previous?.resultId && previous.requestHash === hash)
        return { batch: await prisma.payoutBatch.findUnique({ where: { id: previous.resultId } }), userErrors: [] };

      const parsed = parseBulkCsv(input.csv);
      const checked = parsed.rows.length > 0 ? await check(parsed.rows) : { errors: [], items: [] };
      const errors = [...parsed.errors, ...checked.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      if (errors.length > 0) return { batch: null, userErrors: errors };

      return prisma.$transaction(
        async (tx) => {
          const existing = await claimKey(tx, scope, hash);
          if (existing) return { batch: await tx.payoutBatch.findUnique({ where: { id: existing } }), userErrors: [] };
          const batchId = randomUUID();
          const total = checked.items.reduce((sum, item) => sum + item.amountMinor, 0n);
          await tx.payoutBatch.create({
            data: {
              id: batchId,
              fleetId: null,
              periodEnd: new Date(),
              currency,
              itemCount: checked.items.length,
              totalMinor: total,
              createdBy: viewer.userId,
              idempotencyKey: input.idempotencyKey,
            },
          });
          for (let start = 0; start < checked.items.length; start += PAGE) {
            const page = checked.items.slice(start, start + PAGE).map((item) => ({ ...item, id: randomUUID() }));
            const inserted = await insertDraftItems(tx, batchId, currency, page);
            // Another batch took one of these drivers since the check: refuse the whole list (the caller retries).
            if (inserted.length < page.length) throw new AppError('CONFLICT', 'a driver of the list got another open payout meanwhile; check the list again');
          }
          await recordResult(tx, scope, batchId);
          await recordAudit(tx, viewer, {
            action: 'payout_batch.create_bulk',
            target: { type: 'PayoutBatch', id: batchId },
            after: { currency, itemCount: checked.items.length, totalMinor: Number(total) },
          });
          return { batch: await tx.payoutBatch.findUnique({ where: { id: batchId } }), userErrors: [] };
        },
        { timeout: 120_000 },
      );
    },
  };
}

export type BulkPayouts = ReturnType<typeof createBulkPayouts>;
