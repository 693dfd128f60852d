import type { NamedEdge } from '../types';
import { FormatError } from './errors';

/**
 * Collects parsed edges: an edge repeated with the same sign is merged into the first (gold standards
 * often list an edge once per experiment); repeated with another sign it is an error.
 */
export class EdgeCollector {
  readonly edges: NamedEdge[] = [];
  private readonly seen = new Map<string, { line: number; sign: number }>();

  add(edge: NamedEdge, line: number): void {
    const key = `${edge.regulator}\u0000${edge.target}`;
    const earlier = this.seen.get(key);
    if (!earlier) {
      this.seen.set(key, { line, sign: edge.sign });
      this.edges.push(edge);
      return;
    }
    if (earlier.sign !== edge.sign) {
      throw new FormatError('duplicate-entry', `edge ${edge.regulator} → ${edge.target} is given again with another sign (first at line ${earlier.line})`, {
        line,
      });
    }
  }
}
