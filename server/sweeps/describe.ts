import { z } from 'zod';
import { STRATEGIES, type StrategyId } from '@/compute';

/** What a group is, read from the settings its launch stored (server/runs/service.ts launchSweep, server/replicates/launch.ts). */
export interface SweepDescription {
  kind: 'sweep' | 'replicates';
  /** One sentence: what varies across the group's runs. */
  summary: string;
  /** The settings that vary across the runs, with their values in launch order. */
  settings: { name: string; values: string[] }[];
  /** The run a "more seeds" group replicates (null for a replicate group launched from the form). */
  replicateOfRunId: string | null;
}

// Lenient on purpose: older groups may lack fields, and a description must never fail a page.
const storedConfig = z
  .object({
    strategies: z.array(z.string()).optional(),
    lambda1Values: z.array(z.number()).nullish(),
    lambda2Values: z.array(z.number()).nullish(),
    replicates: z.number().optional(),
    replicateOf: z.string().optional(),
    seeds: z.array(z.number()).optional(),
    seed: z.number().optional(),
  })
  .passthrough();

const strategyLabel = (id: string) => (id in STRATEGIES ? STRATEGIES[id as StrategyId].label : id);

export function describeSweep(config: unknown, runCount: number): SweepDescription {
  const parsed = storedConfig.safeParse(config);
  const c = parsed.success ? parsed.data : {};
  const strategies = (c.strategies ?? []).map(strategyLabel);
  if (c.replicates !== undefined) {
    const seeds = c.seeds ?? (c.seed !== undefined ? Array.from({ length: c.replicates }, (_, i) => String(c.seed! + i)) : []);
    const what = c.replicateOf ? 'one run' : strategies.length ? `one ${strategies.join(', ')} configuration` : 'one configuration';
    return {
      kind: 'replicates',
      summary: `Replicates: ${what} trained with ${c.replicates} seed${c.replicates === 1 ? '' : 's'}; only the seed differs.`,
      settings: seeds.length ? [{ name: 'seed', values: seeds.map(String) }] : [],
      replicateOfRunId: c.replicateOf ?? null,
    };
  }
  const settings: SweepDescription['settings'] = [];
  if (strategies.length) settings.push({ name: 'strategy', values: strategies });
  if (c.lambda1Values?.length) settings.push({ name: 'λ₁', values: c.lambda1Values.map(String) });
  if (c.lambda2Values?.length) settings.push({ name: 'λ₂', values: c.lambda2Values.map(String) });
  const over = settings.filter((s) => s.values.length > 1).map((s) => `${s.name} (${s.values.join(', ')})`);
  return {
    kind: 'sweep',
    summary: `Sweep of ${runCount} run${runCount === 1 ? '' : 's'}${over.length ? ` over ${over.join(' × ')}` : ''}; DASH runs once per (λ₁, λ₂), every other strategy once.`,
    settings,
    replicateOfRunId: null,
  };
}
