// scripts/schema-breaking.mjs (`npm run schema:breaking` / `schema:accept`) on schemas in a temporary directory:
// an unlisted breaking change fails with its path, a listed one passes, additions pass, dangerous changes warn,
// and --accept makes the current schema the baseline.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../subgraphs/registry.js';

const SCRIPT = resolve(repoRoot, 'scripts/schema-breaking.mjs');

const BASELINE = `
"Entry points."
type Query {
  "A trip by id."
  trip(id: ID!): Trip
  "Recent trips."
  trips(first: Int, status: TripStatus): [Trip!]!
}
"A ride."
type Trip {
  "Its id."
  id: ID!
  "Where it is in its life."
  status: TripStatus!
  "Distance in metres."
  distanceMeters: Int
}
"Where a trip is in its life."
enum TripStatus {
  "Waiting."
  REQUESTED
  "Done."
  COMPLETED
}
`;

interface Run {
  status: number | null;
  output: string;
}

function setup(current: string, intended?: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'schema-breaking-'));
  const files = { schema: join(dir, 'api.graphql'), baseline: join(dir, 'api.baseline.graphql'), intended: join(dir, 'intended-breaking-changes.json') };
  writeFileSync(files.baseline, BASELINE);
  writeFileSync(files.schema, current);
  if (intended !== undefined) writeFileSync(files.intended, typeof intended === 'string' ? intended : JSON.stringify(intended));
  const run = (...extra: string[]): Run => {
    const result = spawnSync(process.execPath, [SCRIPT, '--schema', files.schema, '--baseline', files.baseline, '--intended', files.intended, ...extra], {
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  return { files, run };
}

const withoutDistance = BASELINE.replace('  "Distance in metres."\n  distanceMeters: Int\n', '');

test('an unchanged schema passes', () => {
  expect(setup(BASELINE).run()).toMatchObject({ status: 0, output: expect.stringContaining('0 breaking, 0 dangerous, 0 non-breaking') });
});

test('removing a field fails, naming the path of each breaking change', () => {
  const { status, output } = setup(withoutDistance.replace('trips(first: Int, status: TripStatus)', 'trips(first: Int)')).run();
  expect(status).toBe(1);
  expect(output).toMatch(/FAIL: 2 breaking change\(s\) not listed as intended/);
  expect(output).toMatch(/Trip\.distanceMeters {2}\[FIELD_REMOVED\]/);
  expect(output).toMatch(/Query\.trips\.status {2}\[FIELD_ARGUMENT_REMOVED\]/);
  expect(output).toContain('{ "path": "Trip.distanceMeters", "reason": "..." }');
});

test('a breaking change listed as intended passes and shows its reason; unlisted ones still fail', () => {
  const reason = 'distance moved to Trip.route; all clients migrated';
  const listed = setup(withoutDistance, { changes: [{ path: 'Trip.distanceMeters', reason }] }).run();
  expect(listed.status).toBe(0);
  expect(listed.output).toMatch(/Intended breaking change\(s\)[\s\S]*Trip\.distanceMeters[\s\S]*reason: distance moved/);

  const oneOfTwo = setup(withoutDistance.replace('trip(id: ID!)', 'trip(id: ID!, at: Int!)'), { changes: [{ path: 'Trip.distanceMeters', reason }] }).run();
  expect(oneOfTwo.status).toBe(1);
  expect(oneOfTwo.output).toMatch(/FAIL: 1 breaking change[\s\S]*Query\.trip\.at {2}\[FIELD_ARGUMENT_ADDED\]/);
});

test('adding a field passes', () => {
  const { status, output } = setup(
    BASELINE.replace('  "Its id."\n  id: ID!\n', '  "Its id."\n  id: ID!\n  "The fare, in minor units."\n  fareMinor: Int\n'),
  ).run();
  expect(status).toBe(0);
  expect(output).toMatch(/Non-breaking:[\s\S]*Trip\.fareMinor {2}\[FIELD_ADDED\]/);
  expect(output).toContain('OK: no unintended breaking change');
});

test('a dangerous change passes with a warning', () => {
  const { status, output } = setup(BASELINE.replace('  "Done."\n  COMPLETED\n', '  "Done."\n  COMPLETED\n  "Called off."\n  CANCELLED\n')).run();
  expect(status).toBe(0);
  expect(output).toMatch(/Warning: 1 dangerous change[\s\S]*TripStatus\.CANCELLED {2}\[ENUM_VALUE_ADDED\]/);
});

test('stale entries in the intended list are reported, not failed', () => {
  const { status, output } = setup(BASELINE, { changes: [{ path: 'Query.gone', reason: 'was removed' }] }).run();
  expect(status).toBe(0);
  expect(output).toMatch(/not a breaking change \(remove them\):\s+Query\.gone/);
});

test('--accept makes the current schema the baseline and empties the intended list', () => {
  const { files, run } = setup(withoutDistance, { changes: [{ path: 'Trip.distanceMeters', reason: 'shipping it' }] });
  const accepted = run('--accept');
  expect(accepted.status).toBe(0);
  expect(accepted.output).toMatch(/1 of them breaking[\s\S]*Trip\.distanceMeters/);
  expect(readFileSync(files.baseline, 'utf8')).toBe(withoutDistance);
  expect(JSON.parse(readFileSync(files.intended, 'utf8'))).toEqual({ changes: [] });
  expect(run()).toMatchObject({ status: 0, output: expect.stringContaining('0 breaking') });
});

test('unusable input exits 2 and says what to do', () => {
  const missingBaseline = setup(BASELINE);
  unlinkSync(missingBaseline.files.baseline);
  expect(missingBaseline.run()).toMatchObject({ status: 2, output: expect.stringMatching(/baseline .* does not exist; run `npm run schema:accept`/) });
  writeFileSync(missingBaseline.files.baseline, 'type Query {');
  expect(missingBaseline.run()).toMatchObject({ status: 2, output: expect.stringMatching(/baseline .* is not a valid schema/) });

  expect(setup(BASELINE, { changes: [{ path: 'Trip.id' }] }).run()).toMatchObject({ status: 2, output: expect.stringContaining('needs a "reason"') });
  expect(setup(BASELINE, '{ not json').run()).toMatchObject({ status: 2, output: expect.stringContaining('is not valid JSON') });
  expect(setup(BASELINE).run('--bogus')).toMatchObject({ status: 2, output: expect.stringContaining('unknown argument --bogus') });
});

test('the committed public API has no unintended breaking change against the committed baseline', () => {
  const result = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: '' } });
  expect({ status: result.status, output: `${result.stdout}${result.stderr}` }).toMatchObject({ status: 0 });
});
