/** The progress bar both network renderers show while the sliced layout runs (null: none). */
export function LayoutProgress({ progress, genes }: { progress: number | null; genes: number }) {
  if (progress === null) return null;
  return (
    <div className="graph-progress small">
      <progress max={1} value={progress} aria-label="Laying out the network" /> Laying out {genes} genes… {Math.round(progress * 100)}%
    </div>
  );
}
