// Wraps a Prisma driver adapter factory so every SQL statement it sends is reported. Used to prove batching
// (statement counts must not grow with page size) and available for metrics.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

export type StatementListener = (sql: string) => void;
/** Like a listener; a function it returns is called when the statement settles (timing it). */
export type StatementHook = (sql: string) => (() => void) | void;

export function observeStatements(factory: SqlDriverAdapterFactory, listener: StatementHook): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return observeAdapter(await factory.connect(), listener);
    },
  };
}

function observeAdapter(adapter: SqlDriverAdapter, listener: StatementHook): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw') return observedQuery(target, property, listener);
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => observeTransaction(await target.startTransaction(...args), listener);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function observeTransaction(transaction: Transaction, listener: StatementHook): Transaction {
  return new Proxy(transaction, {
    get(target, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw') return observedQuery(target, property, listener);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function observedQuery<T extends { queryRaw(q: SqlQuery): Promise<unknown>; executeRaw(q: SqlQuery): Promise<number> }>(
  target: T,
  method: 'queryRaw' | 'executeRaw',
  listener: StatementHook,
) {
  return (query: SqlQuery) => {
    const settled = listener(query.sql);
    const result = target[method](query);
    return settled ? result.finally(settled) : result;
  };
}
