/**
 * Generated upload files for the fuzz suites (issue 17): every upload kind and format, mostly well
 * formed with hostile cells and text-level damage mixed in, plus arbitrary text. Seeded through
 * fast-check, so a failing input is reproduced by its seed and path.
 */
import fc from 'fast-check';

export const FUZZ_SEED = 20_261_207;

const hostile = fc.constantFrom(
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-inf',
  '',
  ' ',
  '"',
  '""',
  'NA',
  '1'.repeat(400),
  `${'1'.repeat(400)}x`,
  `${'9'.repeat(200)}.${'9'.repeat(200)}e`,
  '\u0000',
  '\ud800',
  '\udc00x',
  '\ufffd',
  '=cmd()',
  '@SUM(A1)',
  '\t',
  '1,2',
  '0x10',
  '1e',
  '.',
  '-',
  '+',
  'é',
  '🧬',
  'a\nb',
  '\r',
  '\u0007',
  'x'.repeat(300),
);
const geneName = fc.oneof(fc.constantFrom('A', 'B', 'C', 'GATA1', 'SPI1', 'g1', 'g2'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,6}$/));
const numberText = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
  fc.constantFrom('0', '1', '-1', '0.5', '1e-3', '+2', '.25'),
);
const cellOf = (plain: fc.Arbitrary<string>) => fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: hostile });
const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const line = (cells: string[], delimiter = ',') => cells.map(quote).join(delimiter);

/** Text-level damage: a character inserted, a range deleted, a line repeated, the file cut short. */
const damage = fc.array(fc.tuple(fc.constantFrom('insert', 'delete', 'repeat-line', 'truncate', 'tabs'), fc.nat(), fc.nat({ max: 40 }), hostile), {
  maxLength: 2,
});

function applyDamage(text: string, ops: [string, number, number, string][]): string {
  let out = text;
  for (const [op, at, length, token] of ops) {
    const i = out.length ? at % out.length : 0;
    if (op === 'insert') out = out.slice(0, i) + token + out.slice(i);
    else if (op === 'delete') out = out.slice(0, i) + out.slice(i + length);
    else if (op === 'truncate') out = out.slice(0, i);
    else if (op === 'tabs') out = out.replaceAll(',', '\t');
    else {
      const lines = out.split('\n');
      const k = at % lines.length;
      lines.splice(k, 0, lines[k]);
      out = lines.join('\n');
    }
  }
  return out;
}

const damaged = (file: fc.Arbitrary<string>) => fc.tuple(file, damage, fc.boolean()).map(([text, ops, clean]) => (clean ? text : applyDamage(text, ops)));

const genes = fc.uniqueArray(geneName, { minLength: 1, maxLength: 6 });

const tidy = fc
  .tuple(genes, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }), fc.array(cellOf(numberText), { minLength: 200, maxLength: 200 }))
  .map(([gs, trajectories, times, values]) => {
    const rows = ['gene,trajectory,time,value'];
    let k = 0;
    for (let t = 0; t < trajectories; t++)
      for (let s = 0; s < times; s++) for (const g of gs) rows.push(line([g, `t${t}`, String(s), values[k++ % values.length]]));
    return rows.join('\n');
  });

const trajectory = fc
  .tuple(genes, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }), fc.array(cellOf(numberText), { minLength: 100, maxLength: 100 }))
  .map(([gs, trajectories, times, values]) => {
    const rows = [`${gs.length},${trajectories}`];
    let k = 0;
    for (let t = 0; t < trajectories; t++) {
      for (let g = 0; g < gs.length; g++) rows.push(line(Array.from({ length: times }, () => values[k++ % values.length])));
      rows.push(Array.from({ length: times }, (_, s) => String(s)).join(','));
    }
    return { data: rows.join('\n'), genes: ['x', ...gs].join('\n') };
  });

const matrixPseudotime = fc
  .tuple(genes, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.array(cellOf(numberText), { minLength: 100, maxLength: 100 }))
  .map(([gs, cells, lineages, values]) => {
    let k = 0;
    const ids = Array.from({ length: cells }, (_, c) => `cell${c}`);
    const data = [line(['', ...ids]), ...gs.map((g) => line([g, ...ids.map(() => values[k++ % values.length])]))].join('\n');
    const pseudotime = [
      line(['cell', ...Array.from({ length: lineages }, (_, l) => `PseudoTime${l}`)]),
      ...ids.map((id) => line([id, ...Array.from({ length: lineages }, () => values[k++ % values.length])])),
    ].join('\n');
    return { data, pseudotime };
  });

const signText = fc.constantFrom('1', '-1', '0', '+', '-', 'activation', 'repression', '?', 'maybe');
const edgeList = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(geneName, geneName, cellOf(signText), cellOf(numberText), cellOf(fc.string({ maxLength: 12 }))), { minLength: 1, maxLength: 12 }),
  )
  .map(([header, edges]) => [...(header ? ['regulator,target,sign,weight,evidence'] : []), ...edges.map((e) => line(e))].join('\n'));

const sif = fc
  .array(fc.tuple(geneName, cellOf(fc.constantFrom('activates', 'inhibits', 'pp', '->', '-|')), fc.array(geneName, { minLength: 0, maxLength: 3 })), {
    minLength: 1,
    maxLength: 10,
  })
  .map((rows) => rows.map(([a, r, targets]) => [a, r, ...targets].join(' ')).join('\n'));

const denseMatrix = fc.tuple(genes, fc.boolean(), fc.array(cellOf(numberText), { minLength: 36, maxLength: 36 })).map(([gs, named, values]) => {
  let k = 0;
  const rows = gs.map((g) => [...(named ? [g] : []), ...gs.map(() => values[k++ % values.length])]);
  const text = [...(named ? [line(['', ...gs])] : []), ...rows.map((r) => line(r))].join('\n');
  return { text, genes: named ? undefined : ['x', ...gs].join('\n') };
});

/** Any text at all: arbitrary UTF-16 (lone surrogates included) and grids of arbitrary cells. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc
    .array(fc.array(fc.oneof(numberText, geneName, hostile), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })
    .map((rows) => rows.map((r) => r.join(',')).join('\n')),
);

export type Upload =
  | { kind: 'dataset'; format: 'trajectory-csv'; data: string; genes: string }
  | { kind: 'dataset'; format: 'tidy-csv'; data: string }
  | { kind: 'dataset'; format: 'matrix-pseudotime'; data: string; pseudotime: string }
  | { kind: 'prior'; format: 'edge_list' | 'sif' | 'dense_matrix'; text: string; genes?: string }
  | { kind: 'gold'; format: 'edge_list' | 'dense_matrix'; text: string; genes?: string };

const orAny = (file: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: damaged(file) }, { weight: 1, arbitrary: anyText });

/** One generator per upload kind and format. */
export const uploads: Record<string, fc.Arbitrary<Upload>> = {
  'dataset trajectory-csv': fc
    .tuple(trajectory, damage)
    .map(([f, ops]) => ({ kind: 'dataset', format: 'trajectory-csv', data: applyDamage(f.data, ops), genes: f.genes })),
  'dataset tidy-csv': orAny(tidy).map((data) => ({ kind: 'dataset', format: 'tidy-csv', data })),
  'dataset matrix-pseudotime': fc.tuple(matrixPseudotime, damage, fc.boolean()).map(([f, ops, hitMatrix]) => ({
    kind: 'dataset',
    format: 'matrix-pseudotime',
    data: hitMatrix ? applyDamage(f.data, ops) : f.data,
    pseudotime: hitMatrix ? f.pseudotime : applyDamage(f.pseudotime, ops),
  })),
  'prior edge_list': orAny(edgeList).map((text) => ({ kind: 'prior', format: 'edge_list', text })),
  'prior sif': orAny(sif).map((text) => ({ kind: 'prior', format: 'sif', text })),
  'prior dense_matrix': fc
    .tuple(denseMatrix, damage)
    .map(([f, ops]) => ({ kind: 'prior', format: 'dense_matrix', text: applyDamage(f.text, ops), genes: f.genes })),
  'gold edge_list': orAny(edgeList).map((text) => ({ kind: 'gold', format: 'edge_list', text })),
  'gold dense_matrix': fc
    .tuple(denseMatrix, damage)
    .map(([f, ops]) => ({ kind: 'gold', format: 'dense_matrix', text: applyDamage(f.text, ops), genes: f.genes })),
};

/** A large well-formed file of about `bytes` for each kind, for parse-time-per-MB measurements. */
export function largeUpload(name: string, bytes: number): Upload {
  const genes = Array.from({ length: 100 }, (_, g) => `G${g}`);
  const value = (k: number) => (((k * 7919) % 10_007) / 1000 - 5).toFixed(4);
  const rowsFor = (rowBytes: number) => Math.max(1, Math.floor(bytes / rowBytes));
  switch (name) {
    case 'dataset tidy-csv': {
      const rows = ['gene,trajectory,time,value'];
      const times = Math.ceil(rowsFor(20) / genes.length);
      for (let s = 0; s < times; s++) for (const [g, gene] of genes.entries()) rows.push(`${gene},t${s % 10},${s},${value(s * 100 + g)}`);
      return { kind: 'dataset', format: 'tidy-csv', data: rows.join('\n') };
    }
    case 'dataset trajectory-csv': {
      const times = Math.max(1, Math.floor(rowsFor(8) / (genes.length + 1)));
      const rows = [`${genes.length},1`];
      for (let g = 0; g < genes.length; g++) rows.push(Array.from({ length: times }, (_, s) => value(g * times + s)).join(','));
      rows.push(Array.from({ length: times }, (_, s) => String(s)).join(','));
      return { kind: 'dataset', format: 'trajectory-csv', data: rows.join('\n'), genes: ['x', ...genes].join('\n') };
    }
    case 'dataset matrix-pseudotime': {
      const cells = Math.max(1, Math.floor(rowsFor(8) / genes.length));
      const ids = Array.from({ length: cells }, (_, c) => `c${c}`);
      const data = [['', ...ids].join(','), ...genes.map((g, i) => [g, ...ids.map((_, c) => value(i * cells + c))].join(','))].join('\n');
      return { kind: 'dataset', format: 'matrix-pseudotime', data, pseudotime: ['cell,PseudoTime', ...ids.map((id, c) => `${id},${c / cells}`)].join('\n') };
    }
    case 'prior dense_matrix':
    case 'gold dense_matrix': {
      const n = Math.max(2, Math.floor(Math.sqrt(bytes / 5)));
      const names = Array.from({ length: n }, (_, g) => `G${g}`);
      const rows = [['', ...names].join(','), ...names.map((g, i) => [g, ...names.map((_, j) => ((i * n + j) % 13 === 0 ? '0.5' : '0'))].join(','))];
      return { kind: name.startsWith('prior') ? 'prior' : 'gold', format: 'dense_matrix', text: rows.join('\n') };
    }
    case 'prior sif': {
      const rows = Array.from({ length: rowsFor(28) }, (_, k) => `R${k % 5000}\tactivates\tT${Math.floor(k / 5000)}_${k % 97}`);
      return { kind: 'prior', format: 'sif', text: rows.join('\n') };
    }
    default: {
      const rows = [
        'regulator,target,sign,weight,evidence',
        ...Array.from({ length: rowsFor(36) }, (_, k) => `R${k % 5000},T${Math.floor(k / 5000)}_${k % 97},1,${value(k)},pmid${k}`),
      ];
      return { kind: name.startsWith('prior') ? 'prior' : 'gold', format: 'edge_list', text: rows.join('\n') };
    }
  }
}
