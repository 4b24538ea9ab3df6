// Reads docker-compose.yml the way `docker compose config` does, for tests on a machine without Docker: YAML with
// merge keys (`<<: *service`), then ${VAR} interpolation from an environment (.env values).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../subgraphs/registry.js';

export const composeFile = join(repoRoot, 'docker-compose.yml');

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  profiles?: string[];
  healthcheck?: { test?: string[]; disable?: boolean; interval?: string };
  stop_grace_period?: string;
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
  volumes?: string[];
}

export interface ComposeDocument {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [extension: `x-${string}`]: unknown;
}

/** A `${…}` reference in the file: `required` (`:?`), `defaulted` (`:-`) or plain. */
export interface VariableUse {
  name: string;
  kind: 'required' | 'defaulted' | 'plain';
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:\?|:-|\?|-)([^}]*))?\}/g;

/** Every variable the file's values refer to (comments are not interpolated). */
export function variableUses(): VariableUse[] {
  const strings: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(parse(readFileSync(composeFile, 'utf8'), { merge: true }));
  return strings
    .flatMap((text) => [...text.matchAll(REFERENCE)])
    .map(([, name, op]) => ({
      name: name as string,
      kind: op === ':?' || op === '?' ? 'required' : op === ':-' || op === '-' ? 'defaulted' : 'plain',
    }));
}

/**
 * The file with every `${VAR}` replaced from `env`, as compose interpolates (`:?` fails when unset or empty,
 * `:-` falls back when unset or empty).
 * @throws Error naming a required variable `env` lacks, with the file's own message for it.
 */
export function loadCompose(env: Record<string, string | undefined>): ComposeDocument {
  const interpolate = (text: string) =>
    text.replace(REFERENCE, (_, name: string, op: string | undefined, arg: string | undefined) => {
      const value = env[name];
      const set = value !== undefined && value !== '';
      if (op === ':?' || op === '?') {
        if (!set) throw new Error(`required variable ${name} is missing a value: ${arg}`);
        return value;
      }
      if (op === ':-' || op === '-') return set ? value : (arg ?? '');
      return value ?? '';
    });
  // Like compose: interpolation applies to the parsed values, so a value holding JSON stays one string.
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return interpolate(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
    return node;
  };
  return walk(parse(readFileSync(composeFile, 'utf8'), { merge: true })) as ComposeDocument;
}
