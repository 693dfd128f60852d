import type { NamedEdge } from '../types';
import { FormatError, checkInput, type ParseOptions } from './errors';
import { EdgeCollector } from './edge-set';
import { parseSign } from './sign';

/**
 * Simple Interaction Format: `source relation target [target…]`, tab-separated when the line has a
 * tab, otherwise whitespace-separated. Relations like activates/->/+ give +1, inhibits/represses/-|/-
 * give −1, a recognised relation without a sign (pp, pd, regulates, controls-expression-of…) an edge of
 * unknown sign (0). A lone name is a node without edges and adds nothing. Any other second column is
 * refused: without that check a prose file ("The cell divides quickly") becomes a network.
 */
export function parseSif(text: string, options: ParseOptions = {}): NamedEdge[] {
  checkInput(text, 'SIF file', options);
  const collector = new EdgeCollector();
  text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
      const tokens = raw.includes('\t') ? raw.split('\t').map((t) => t.trim()) : raw.trim().split(/\s+/);
      if (tokens.length === 1) return;
      if (tokens.length === 2) throw new FormatError('ragged-row', `relation '${tokens[1]}' has no target`, { line });
      const [regulator, relation, ...targets] = tokens;
      if (regulator === '') throw new FormatError('invalid-value', 'empty source name', { line, column: 1 });
      const sign = parseSign(relation) ?? (UNSIGNED_RELATIONS.has(relation.toLowerCase()) ? 0 : null);
      if (sign === null) {
        throw new FormatError(
          'invalid-value',
          `'${clip(relation)}' is not an interaction type (in '${clip(raw.trim())}'); ` + `expected one of ${SIF_RELATION_HELP}`,
          { line, column: 2 },
        );
      }
      targets.forEach((target, t) => {
        if (target === '') throw new FormatError('invalid-value', 'empty target name', { line, column: t + 3 });
        collector.add({ regulator, target, sign }, line);
      });
    });
  if (collector.edges.length === 0) throw new FormatError('empty-file', 'the SIF file has no interactions');
  return collector.edges;
}

/**
 * Cytoscape's interaction types and Pathway Commons' SIF relations: real SIF files use these, so they are
 * accepted as edges of unknown sign.
 */
const UNSIGNED_RELATIONS = new Set([
  'pp',
  'pd',
  'pr',
  'rc',
  'cr',
  'gl',
  'co',
  'tr',
  'interacts',
  'interacts-with',
  'interacts_with',
  'binds',
  'controls-expression-of',
  'controls-state-change-of',
  'controls-transport-of',
  'controls-production-of',
  'in-complex-with',
  'catalysis-precedes',
  'chemical-affects',
  'consumption-controlled-by',
  'reacts-with',
  'used-to-produce',
  'neighbor-of',
  'regulates-expression',
]);

export const SIF_RELATION_HELP = 'activates, represses, inhibits, +, -, ->, -|, regulates, pp, pd, controls-expression-of';

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const RELATION: Record<string, string> = { '1': 'activates', '-1': 'inhibits', '0': 'regulates' };

/** One interaction per line, tab-separated; genes without edges (when `genes` is given) on lines of their own. */
export function writeSif(edges: readonly NamedEdge[], genes?: readonly string[]): string {
  const lines = edges.map((e) => `${e.regulator}\t${RELATION[String(Math.sign(e.sign))]}\t${e.target}`);
  if (genes) {
    const linked = new Set(edges.flatMap((e) => [e.regulator, e.target]));
    for (const g of genes) if (!linked.has(g)) lines.push(g);
  }
  return lines.join('\n') + '\n';
}
