// Reads an SDL file once at build time of a schema (not per request).
import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

export function loadTypeDefs(path: string): DocumentNode {
  return parse(readFileSync(path, 'utf8'));
}
