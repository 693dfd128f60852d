import { parseDelimited, writeRow } from './csv';
import { FormatError, checkInput, type ParseOptions } from './errors';

const GENE_HEADER = 'x';

/** The authors' gene-name file: header `x`, then one name per line in the data's row order. */
export function parseGeneNames(text: string, options: ParseOptions = {}): string[] {
  checkInput(text, 'gene names file', options);
  const rows = parseDelimited(text);
  const [header, ...body] = rows;
  if (header.cells.length !== 1 || header.cells[0].trim() !== GENE_HEADER) {
    throw new FormatError('wrong-header', `expected the header 'x' on its own, found '${header.cells.join(',')}'`, { line: header.line });
  }
  if (body.length === 0) throw new FormatError('empty-file', 'the gene names file lists no genes');
  const named = body.map((row) => {
    if (row.cells.length !== 1) {
      throw new FormatError('ragged-row', `expected one gene name per line, found ${row.cells.length} cells`, { line: row.line });
    }
    return { name: row.cells[0].trim(), line: row.line, column: 1 };
  });
  assertUniqueGenes(named);
  return named.map((g) => g.name);
}

export function writeGeneNames(genes: readonly string[]): string {
  return [GENE_HEADER, ...genes.map((g) => writeRow([g]))].join('\n') + '\n';
}

/** Throws on a repeated or empty name; used by every parser that reads gene names from a file. */
export function assertUniqueGenes(genes: readonly { name: string; line?: number; column?: number }[]): void {
  const seen = new Map<string, number | undefined>();
  for (const g of genes) {
    if (g.name === '') throw new FormatError('invalid-value', 'empty gene name', { line: g.line, column: g.column });
    if (seen.has(g.name)) {
      const first = seen.get(g.name);
      const note = first === undefined ? '' : ` (first at line ${first})`;
      throw new FormatError('duplicate-gene', `gene '${g.name}' appears twice${note}`, { line: g.line, column: g.column });
    }
    seen.set(g.name, g.line);
  }
}
