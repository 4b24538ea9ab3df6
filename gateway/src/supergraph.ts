// Loads a composed supergraph file and lists its subgraphs, so the gateway runs any valid supergraph — not
// only ours — and knows whom to probe for readiness.
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { acknowledgeSubgraphEnforcedSecurity } from './subgraph-enforced-security.js';

export interface LoadedSupergraph {
  /** What @apollo/gateway is given: the file, with the authorization features the subgraphs enforce acknowledged. */
  sdl: string;
  subgraphs: { name: string; url: string }[];
}

/**
 * @param urlOverrides subgraph URL by subgraph name; wins over the URL recorded at composition.
 * @throws when the file is missing or is not a valid supergraph (the message says which).
 */
export function loadSupergraph(path: string, urlOverrides: Record<string, string> = {}): LoadedSupergraph {
  let sdl: string;
  try {
    sdl = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read supergraph file ${path}: ${(error as Error).message}. Run \`npm run compose\` or pass --supergraph PATH.`);
  }
  let supergraph: Supergraph;
  try {
    sdl = acknowledgeSubgraphEnforcedSecurity(sdl);
    supergraph = Supergraph.build(sdl);
  } catch (error) {
    throw new Error(`${path} is not a valid supergraph: ${(error as Error).message}`);
  }
  const subgraphs = supergraph
    .subgraphs()
    .values()
    .map((subgraph) => ({ name: subgraph.name, url: urlOverrides[subgraph.name.toLowerCase()] ?? subgraph.url }));
  return { sdl, subgraphs };
}
