// The operations summary's commission (OperationsSummary.commission): one aggregate statement over the trip payments
// whose trip ended in a range. Served by `payments_trip_end_summary_idx` (migration 20261207140000_operations_
// commission: trip_completed_at, INCLUDE every column summed or filtered here, WHERE the booked trip payments) as an
// index-only scan. The statuses are written into the SQL, not bound: only literals let PostgreSQL prove the partial
// index's predicate.
import type { OperationsScope } from '../../../../platform/operations-summary/index.js';
import type { Db } from './db.js';

/**
 * Commission per currency (ascending), as the ledger booked it at settlement: floor(amount × bps / 10,000) per
 * payment (settle.ts `split`; a payment without a driver has 10,000 bps: all of it). Refunds are not taken off.
 */
export async function commissionTotals(db: Db, scope: OperationsScope): Promise<{ currency: string; amountMinor: string }[]> {
  const fleetIds = scope.fleetIds === null ? null : [...scope.fleetIds];
  const rows = await db.$queryRaw<{ currency: string; amount_minor: string }[]>`
    select p.currency, sum((p.amount_minor * p.commission_bps) / 10000)::text as amount_minor
      from payments.payments p
     where p.trip_id is not null
       and p.trip_completed_at >= ${scope.from}::timestamptz and p.trip_completed_at < ${scope.to}::timestamptz
       -- booked in the ledger (paid, owed by the rider, refunded since); PENDING card charges and FAILED ones (top-ups
       -- only) have no entry. The index's predicate, word for word.
       and p.status in ('SUCCEEDED', 'OWED', 'PARTIALLY_REFUNDED', 'REFUNDED')
       and (${fleetIds}::uuid[] is null or p.fleet_id = any(${fleetIds}::uuid[]))
       and (${scope.city}::text is null or p.city = ${scope.city}::text)
     group by p.currency
     order by p.currency`;
  return rows.map((row) => ({ currency: row.currency.trim(), amountMinor: row.amount_minor }));
}
