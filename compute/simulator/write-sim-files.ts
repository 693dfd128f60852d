import { formatNumber, writeRow } from '../formats/csv';
import type { RateExpr } from './expression';
import type { KineticNetwork } from './network';

/** The network's equations in sim350's `node,eqn` layout (OR written out as a + b − a·b, as there). */
export function writeOdeEquations(network: KineticNetwork): string {
  const lines = ['node,eqn'];
  network.rates.forEach((rate, i) => {
    lines.push(writeRow([network.genes[i], rate === null ? 'input gene' : formatRate(rate, network.genes)]));
  });
  return lines.join('\n') + '\n';
}

/** Names that are not plain identifiers (HLA-A, 2810417H13Rik) are written in backticks. */
function geneToken(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `\`${name}\``;
}

function formatRate(e: RateExpr, genes: readonly string[]): string {
  switch (e.op) {
    case 'num':
      return formatNumber(e.value);
    case 'gene':
      return geneToken(genes[e.gene]);
    case 'hill':
      return `fAct(${geneToken(genes[e.gene])}, ${formatNumber(e.ec50)}, ${formatNumber(e.n)})`;
    case 'neg':
      return `(-${formatRate(e.arg, genes)})`;
    case 'or': {
      const a = formatRate(e.left, genes);
      const b = formatRate(e.right, genes);
      return `(${a} + ${b} - ${a} * ${b})`;
    }
    default:
      return `(${formatRate(e.left, genes)} ${e.op} ${formatRate(e.right, genes)})`;
  }
}

/** sim350's `edges_kinetics.csv` layout: `from,to,weight,activation,EC50,n`. */
export function writeEdgesKinetics(network: KineticNetwork): string {
  const lines = ['from,to,weight,activation,EC50,n'];
  for (const e of network.edges) {
    lines.push(writeRow([network.genes[e.regulator], network.genes[e.target], '1', e.sign > 0 ? 'TRUE' : 'FALSE', formatNumber(e.ec50), formatNumber(e.hill)]));
  }
  return lines.join('\n') + '\n';
}
