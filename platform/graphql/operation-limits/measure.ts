// Size of a document as the expensive steps will see it, computed in time linear in the document — before
// validation (whose overlapping-fields check is quadratic in the fields of a selection) and query planning (which
// expands every fragment). Fragments are measured once each and reused, so a fragment spread twice in each of
// 14 nested fragments (32,766 spreads once expanded) is counted without expanding it.
import { Kind, Lexer, Source, TokenKind, visit, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export interface DocumentSize {
  /** Deepest field nesting of any operation or fragment, fragments expanded. */
  depth: number;
  /** Most fields of any one operation or fragment, fragments expanded. */
  fields: number;
  /** Most aliased fields of any one operation or fragment, fragments expanded (`__typename` aliases too). */
  aliases: number;
  /** Most fragment spreads of any one operation or fragment, fragments expanded. */
  fragmentSpreads: number;
  /** Directives written in the document. */
  directives: number;
}

/** Counts are capped here: past it they only say "far too many". */
const CAP = 1e15;
const add = (a: number, b: number) => Math.min(CAP, a + b);

/**
 * Counts the lexical tokens of `query` (comments excluded), stopping at `stopAfter` + 1: a refusal can say how many
 * were found without lexing a megabyte of them. Lexing errors end the count; the parser reports them.
 */
export function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // a syntax error: the parser will say where
  }
  return count;
}

interface Measure {
  depth: number;
  fields: number;
  aliases: number;
  spreads: number;
}

const EMPTY: Measure = { depth: 0, fields: 0, aliases: 0, spreads: 0 };

/** Nesting of selection sets as written (no fragments expanded), without recursion: a 10,000-level document is fine. */
export function writtenDepth(document: DocumentNode): number {
  let deepest = 0;
  const stack: [SelectionSetNode, number][] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) stack.push([definition.selectionSet, 1]);
  }
  while (stack.length) {
    const [set, depth] = stack.pop()!;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) continue;
      const childDepth = selection.kind === Kind.FIELD ? depth : depth - 1; // an inline fragment adds no field level
      if (childDepth > deepest) deepest = childDepth;
      if (selection.selectionSet) stack.push([selection.selectionSet, childDepth + 1]);
    }
  }
  return deepest;
}

/**
 * Measures every operation and fragment of the document with fragments expanded; reports the largest of each.
 * Call it only on a document whose written depth is bounded (writtenDepth), as it recurses per level. A fragment
 * cycle counts as empty here; validation rejects it.
 */
export function measureDocument(document: DocumentNode): DocumentSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let directives = 0;
  visit(document, {
    Directive() {
      directives++;
    },
    FragmentDefinition(node) {
      if (!fragments.has(node.name.value)) fragments.set(node.name.value, node);
    },
  });
  const measured = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const fragmentMeasure = (name: string): Measure => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const result = selectionSetMeasure(fragment.selectionSet);
    inProgress.delete(name);
    measured.set(name, result);
    return result;
  };

  const selectionSetMeasure = (set: SelectionSetNode): Measure => {
    const total: Measure = { depth: 0, fields: 0, aliases: 0, spreads: 0 };
    for (const selection of set.selections) {
      let child: Measure;
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? selectionSetMeasure(selection.selectionSet) : EMPTY;
        child = { depth: inner.depth + 1, fields: add(inner.fields, 1), aliases: add(inner.aliases, selection.alias ? 1 : 0), spreads: inner.spreads };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        child = selectionSetMeasure(selection.selectionSet);
      } else {
        const inner = fragmentMeasure(selection.name.value);
        child = { ...inner, spreads: add(inner.spreads, 1) };
      }
      total.depth = Math.max(total.depth, child.depth);
      total.fields = add(total.fields, child.fields);
      total.aliases = add(total.aliases, child.aliases);
      total.spreads = add(total.spreads, child.spreads);
    }
    return total;
  };

  const size: DocumentSize = { depth: 0, fields: 0, aliases: 0, fragmentSpreads: 0, directives };
  for (const definition of document.definitions) {
    let m: Measure;
    if (definition.kind === Kind.OPERATION_DEFINITION) m = selectionSetMeasure(definition.selectionSet);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) m = fragmentMeasure(definition.name.value);
    else continue;
    size.depth = Math.max(size.depth, m.depth);
    size.fields = Math.max(size.fields, m.fields);
    size.aliases = Math.max(size.aliases, m.aliases);
    size.fragmentSpreads = Math.max(size.fragmentSpreads, m.spreads);
  }
  return size;
}
