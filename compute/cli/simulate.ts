import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { listNames, writeDenseMatrix } from '../formats/dense-matrix';
import { writeEdgeListCsv } from '../formats/edge-list';
import { writeGeneNames } from '../formats/gene-names';
import { edgesToMatrix, matrixToEdges } from '../formats/network-convert';
import { writeTrajectoryCsv } from '../formats/trajectory-csv';
import { truthMatrix, type KineticNetwork } from '../simulator/network';
import { randomKinetics } from '../simulator/random-kinetics';
import { parseEdgesKinetics, parseOdeEquations, verifyKinetics } from '../simulator/sim-files';
import { simulateDataset } from '../simulator/simulate';
import { writeEdgesKinetics, writeOdeEquations } from '../simulator/write-sim-files';
import { numeric, parseCliArgs } from './args';
import { CliUsageError } from './cli-errors';
import { networkKindSchema, parseFile, readGeneFile, readNetworkFile } from './input-files';

export const SIMULATE_USAGE = `Usage: npm run dash -- simulate (--network N.csv | --equations ode_equations.csv) --out DIR [options]
  --network        signed network (edge list, SIF or dense matrix); random SIM-style kinetics are drawn for it
  --network-kind   force its layout: matrix, edges or sif (default: detected)
  --equations      sim350-style ode_equations.csv (node,eqn) instead of --network
  --kinetics       edges_kinetics.csv to check the equations against (optional)
  --genes          gene names (header x): required for a matrix without names; fixes the gene order
  --trajectories   how many trajectories (default 150)
  --times          comma-separated sampling times (default 0,2,3,7,9)
  --noise          σ of Gaussian noise added to the observations (default 0)
  --seed           seed for kinetics, initial states and noise (default 0)
  --rtol, --atol   solver tolerances (default 1e-8, 1e-10)
  --out            output folder: data.csv, genes.csv, truth.csv, truth_edges.csv, ode_equations.csv,
                   edges_kinetics.csv, and data_clean.csv when --noise > 0`;

const numberList = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim());
    const values = parts.map(Number);
    if (parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v))) {
      ctx.addIssue({ code: 'custom', message: `'${s}' is not a comma-separated list of numbers` });
      return z.NEVER;
    }
    return values;
  })
  .refine((v) => v.length >= 2, 'give at least two time points')
  .refine((v) => v.every((t, k) => k === 0 || t > v[k - 1]), 'times must increase');

const argsSchema = z
  .object({
    network: z.string().min(1).optional(),
    'network-kind': networkKindSchema.optional(),
    equations: z.string().min(1).optional(),
    kinetics: z.string().min(1).optional(),
    genes: z.string().min(1).optional(),
    trajectories: numeric('trajectories').pipe(z.number().int().min(1).max(100_000)).default(150),
    times: numberList.default([0, 2, 3, 7, 9]),
    noise: numeric('noise').pipe(z.number().min(0)).default(0),
    seed: numeric('seed').pipe(z.number().int().min(0)).default(0),
    rtol: numeric('rtol').pipe(z.number().positive()).default(1e-8),
    atol: numeric('atol').pipe(z.number().positive()).default(1e-10),
    out: z.string().min(1, 'the output folder is required'),
  })
  .refine((a) => (a.network === undefined) !== (a.equations === undefined), {
    message: 'give exactly one of --network or --equations',
    path: ['network'],
  })
  .refine((a) => a.kinetics === undefined || a.equations !== undefined, { message: '--kinetics goes with --equations', path: ['kinetics'] });

type SimulateArgs = z.infer<typeof argsSchema>;

export interface SimulateReport {
  out: string;
  genes: number;
  inputGenes: number;
  edges: number;
  trajectories: number;
  times: number[];
  noise: number;
  files: string[];
}

/** `dash simulate`: SIM-style trajectories from a signed network or sim350-style equations. */
export async function runSimulate(argv: string[], log: (line: string) => void = console.log): Promise<SimulateReport> {
  const args = parseSimulateArgs(argv);
  const network = loadNetwork(args);
  const { clean, observed } = simulateDataset(network, {
    trajectories: args.trajectories,
    times: args.times,
    seed: args.seed,
    noiseStd: args.noise,
    tolerances: { rtol: args.rtol, atol: args.atol },
  });

  mkdirSync(args.out, { recursive: true });
  const truth = truthMatrix(network);
  const outputs: Record<string, string> = {
    'data.csv': writeTrajectoryCsv(observed),
    'genes.csv': writeGeneNames(network.genes),
    'truth.csv': writeDenseMatrix(truth),
    'truth_edges.csv': writeEdgeListCsv(matrixToEdges(truth, network.genes).map(({ weight: _w, ...e }) => e)),
    'ode_equations.csv': writeOdeEquations(network),
    'edges_kinetics.csv': writeEdgesKinetics(network),
  };
  if (args.noise > 0) outputs['data_clean.csv'] = writeTrajectoryCsv(clean);
  for (const [name, text] of Object.entries(outputs)) writeFileSync(path.join(args.out, name), text);

  const report: SimulateReport = {
    out: args.out,
    genes: network.genes.length,
    inputGenes: network.rates.filter((r) => r === null).length,
    edges: network.edges.length,
    trajectories: args.trajectories,
    times: args.times,
    noise: args.noise,
    files: Object.keys(outputs),
  };
  log(
    `simulated ${report.trajectories} trajectories of ${report.genes} genes (${report.inputGenes} inputs, ${report.edges} edges) at t = ${report.times.join(', ')}`,
  );
  log(`noise σ = ${report.noise}; wrote ${report.files.join(', ')} to ${args.out}`);
  return report;
}

const SIMULATE_OPTIONS = Object.fromEntries(
  ['network', 'network-kind', 'equations', 'kinetics', 'genes', 'trajectories', 'times', 'noise', 'seed', 'rtol', 'atol', 'out'].map((name) => [
    name,
    { type: 'string' as const },
  ]),
);

function parseSimulateArgs(argv: string[]): SimulateArgs {
  return parseCliArgs(argv, SIMULATE_OPTIONS, argsSchema, SIMULATE_USAGE, { out: '' });
}

function loadNetwork(args: SimulateArgs): KineticNetwork {
  const genes = args.genes ? readGeneFile(args.genes) : undefined;
  if (args.equations) {
    const file = args.equations;
    const network = parseFile(file, (text) => parseOdeEquations(text, genes));
    if (args.kinetics) {
      const kinetics = parseFile(args.kinetics, parseEdgesKinetics);
      parseFile(args.kinetics, () => verifyKinetics(network, kinetics));
    }
    return network;
  }
  const file = args.network as string;
  const { edges } = readNetworkFile(file, { genes, kind: args['network-kind'] });
  const names = genes ?? [...new Set(edges.flatMap((e) => [e.regulator, e.target]))];
  const { matrix, unknownGenes } = edgesToMatrix(edges, names);
  if (unknownGenes.length > 0) throw new CliUsageError(`${file}: genes not in ${args.genes}: ${listNames(unknownGenes)}`);
  if (matrix.data.every((v) => v === 0)) throw new CliUsageError(`${file}: the network has no edges`);
  return randomKinetics(names, matrix, args.seed);
}
