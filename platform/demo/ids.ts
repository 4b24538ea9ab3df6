// Deterministic UUIDs (RFC 9562 version 5) for demo data: every subgraph derives the same id for the same
// demo entity without reading another subgraph's tables, and re-seeding finds the rows it already wrote.
import { createHash } from 'node:crypto';

const DEMO_NAMESPACE = Buffer.from('6f1c0a52e3a94c4fb1c7d1a0e5b7c9d3', 'hex');

export function demoId(kind: string, key: string | number): string {
  const hash = createHash('sha1').update(DEMO_NAMESPACE).update(`${kind}:${key}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50; // version 5
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80; // RFC variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
