'use client';
import { useState } from 'react';
import { graphql } from '@/app/lib/graphql';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { useGql } from '@/app/projects/[projectId]/data-ui/use-gql';
import { HEATMAP_SIZES, heatmapMargins, type HeatmapSizeId } from './heatmap-layout';

const HEATMAP = graphql(`
  query RunHeatmap($id: ID!, $regulators: Int!, $targets: Int!) {
    run(id: $id) { heatmap(regulators: $regulators, targets: $targets) { regulators targets values maxAbs totalRegulators totalTargets } }
  }
`);

/** Green for activation, red for repression, intensity by √(|effect| / max): weak effects stay visible. */
function colour(v: number, maxAbs: number): string {
  if (v === 0 || maxAbs === 0) return '#f3f5f8';
  const t = Math.sqrt(Math.min(1, Math.abs(v) / maxAbs));
  const [r, g, b] = v > 0 ? [30, 142, 78] : [192, 57, 43];
  const mix = (c: number) => Math.round(255 + (c - 255) * (0.15 + 0.85 * t));
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/** The strongest corner of the effects matrix: top regulators (rows) by Σ|effect| × their top targets (columns). */
export function EffectsHeatmap({ runId }: { runId: string }) {
  const [sizeId, setSizeId] = useState<HeatmapSizeId>('medium');
  const size = HEATMAP_SIZES.find((s) => s.id === sizeId) ?? HEATMAP_SIZES[1];
  const { data, error } = useGql(HEATMAP, { id: runId, regulators: size.regulators, targets: size.targets });
  const sizePicker = (
    <label className="small row-tight">
      Size (regulators × targets){' '}
      <select value={sizeId} onChange={(e) => setSizeId(e.target.value as HeatmapSizeId)}>
        {HEATMAP_SIZES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!data) return <Loading what="the effects matrix" />;
  const hm = data.run.heatmap;
  if (hm.regulators.length === 0) return <p className="muted">The run has no nonzero effects.</p>;
  const CELL = size.cell;
  const { left: LEFT, top: TOP } = heatmapMargins(hm.regulators, hm.targets);
  const width = LEFT + hm.targets.length * CELL + 8;
  const height = TOP + hm.regulators.length * CELL + 8;
  return (
    <figure className="network-figure">
      {sizePicker}
      <div className="heatmap-scroll">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="heatmap"
          role="img"
          aria-label={`Effects of the ${hm.regulators.length} strongest regulators on their ${hm.targets.length} strongest targets.`}
        >
          {hm.targets.map((t, j) => (
            <text key={t} className="plot-tick" transform={`translate(${LEFT + j * CELL + CELL * 0.7}, ${TOP - 4}) rotate(-60)`}>
              {t}
            </text>
          ))}
          {hm.regulators.map((r, i) => (
            <g key={r}>
              <text x={LEFT - 4} y={TOP + i * CELL + CELL * 0.8} textAnchor="end" className="plot-tick">
                {r}
              </text>
              {hm.targets.map((t, j) => {
                const v = hm.values[i * hm.targets.length + j];
                return (
                  <rect key={t} x={LEFT + j * CELL} y={TOP + i * CELL} width={CELL - 1} height={CELL - 1} fill={colour(v, hm.maxAbs)}>
                    <title>{`${r} → ${t}: ${v === 0 ? 'pruned (0)' : v.toExponential(3)}`}</title>
                  </rect>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="legend small">
        <span>
          <span className="swatch" style={{ background: colour(hm.maxAbs, hm.maxAbs) }} /> activation
        </span>
        <span>
          <span className="swatch" style={{ background: colour(-hm.maxAbs, hm.maxAbs) }} /> repression
        </span>
        <span>
          <span className="swatch" style={{ background: colour(0, 1) }} /> zero (pruned)
        </span>
        <span>
          rows: {hm.regulators.length} of {hm.totalRegulators} regulators · columns: {hm.targets.length} of {hm.totalTargets} targets · max |effect|{' '}
          {hm.maxAbs.toExponential(2)}
        </span>
      </figcaption>
    </figure>
  );
}
