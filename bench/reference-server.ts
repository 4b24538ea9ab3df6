// The practical ceiling of `npm run bench:distributed`: the trips board served the plain way — one process,
// graphql-js, node-postgres and per-request DataLoaders reading the subgraphs' own tables (schemas trips, identity,
// fleet) with one slim statement per loader (only the columns asked for, `= ANY($1)`). It answers the board query
// of bench/benchmark-queries.ts with the same JSON as the supergraph (the benchmark checks that before measuring).
//
// What it leaves out, on purpose, so it stays a ceiling: no federation, no token verification (the gateway's is
// cached and costs ≈ 0), no authorization rules, no metrics, no logging, no limits; parsed and validated documents
// are cached by query text. A benchmark fixture, not a product path: nothing imports it.
//
// Run: DATABASE_URL=postgresql://…/<bench db> PORT=… node dist/bench/reference-server.js (HOST default 127.0.0.1).
// Serves POST /graphql and GET /ready.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import DataLoader from 'dataloader';
import { buildSchema, execute, isObjectType, parse, validate, type DocumentNode } from 'graphql';
import pg from 'pg';

const SCHEMA = buildSchema(`
  enum TripStatus { REQUESTED DRIVER_ASSIGNED DRIVER_ARRIVED IN_PROGRESS COMPLETED CANCELLED }
  type Money { amountMinor: Int! currency: String! }
  type User { id: ID! name: String! }
  type Vehicle { id: ID! plate: String! }
  type Driver { id: ID! name: String vehicle: Vehicle }
  type Trip { id: ID! status: TripStatus! fare: Money rider: User! driver: Driver }
  type TripEdge { node: Trip! }
  type TripConnection { edges: [TripEdge!]! }
  type Query { trips(first: Int = 20): TripConnection! }
`);

interface TripRow {
  id: string;
  status: string;
  fare_minor: number | null;
  currency: string;
  rider_user_id: string;
  driver_id: string | null;
}
interface DriverRow {
  id: string;
  user_id: string;
  current_vehicle_id: string | null;
}
interface NamedRow {
  id: string;
  name: string;
}
interface VehicleRow {
  id: string;
  plate: string;
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** A loader reading rows by id with one statement text whatever the batch size; missing ids load as null. */
function byId<Row extends { id: string }>(sql: string): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const { rows } = await pool.query<Row>(sql, [ids]);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function createLoaders() {
  return {
    user: byId<NamedRow>('SELECT id, name FROM identity.users WHERE id = ANY($1::uuid[])'),
    driver: byId<DriverRow>('SELECT id, user_id, current_vehicle_id FROM fleet.drivers WHERE id = ANY($1::uuid[])'),
    vehicle: byId<VehicleRow>('SELECT id, plate FROM fleet.vehicles WHERE id = ANY($1::uuid[])'),
  };
}
type Loaders = ReturnType<typeof createLoaders>;

/** Sets the resolver of one field; graphql-js reads every other field from the parent by name. */
function resolveField<Parent>(typeName: string, fieldName: string, resolve: (parent: Parent, args: { first: number }, loaders: Loaders) => unknown): void {
  const type = SCHEMA.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  if (!field) throw new Error(`no field ${typeName}.${fieldName} in the reference schema`);
  field.resolve = resolve;
}

resolveField<unknown>('Query', 'trips', async (_root, args) => {
  const first = Math.min(Math.max(args.first, 1), 100);
  const { rows } = await pool.query<TripRow>(
    'SELECT id, status, fare_minor, currency, rider_user_id, driver_id FROM trips.trips ORDER BY requested_at DESC, id DESC LIMIT $1',
    [first],
  );
  return { edges: rows.map((node) => ({ node })) };
});
resolveField<TripRow>('Trip', 'fare', (trip) => (trip.fare_minor === null ? null : { amountMinor: trip.fare_minor, currency: trip.currency }));
resolveField<TripRow>('Trip', 'rider', (trip, _args, loaders) => loaders.user.load(trip.rider_user_id));
resolveField<TripRow>('Trip', 'driver', (trip, _args, loaders) => (trip.driver_id ? loaders.driver.load(trip.driver_id) : null));
resolveField<DriverRow>('Driver', 'name', async (driver, _args, loaders) => (await loaders.user.load(driver.user_id))?.name ?? null);
resolveField<DriverRow>('Driver', 'vehicle', (driver, _args, loaders) => (driver.current_vehicle_id ? loaders.vehicle.load(driver.current_vehicle_id) : null));

/** Parsed and validated documents by query text (a bounded cache: a benchmark sends a handful). */
const documents = new Map<string, DocumentNode>();
function documentOf(query: string): DocumentNode | { errors: readonly { message: string }[] } {
  const cached = documents.get(query);
  if (cached) return cached;
  const document = parse(query);
  const errors = validate(SCHEMA, document);
  if (errors.length > 0) return { errors };
  if (documents.size < 100) documents.set(query, document);
  return document;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/ready') return send(res, 200, { ready: true });
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { errors: [{ message: 'POST /graphql' }] });
  readBody(req)
    .then(async (text) => {
      const { query, variables } = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
      const document = documentOf(query);
      if ('errors' in document) return send(res, 400, { errors: document.errors.map((e) => ({ message: e.message })) });
      send(res, 200, await execute({ schema: SCHEMA, document, variableValues: variables, contextValue: createLoaders() }));
    })
    .catch((error: unknown) => send(res, 400, { errors: [{ message: (error as Error).message }] }));
});

server.listen(Number(process.env.PORT ?? 4100), process.env.HOST ?? '127.0.0.1');
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
