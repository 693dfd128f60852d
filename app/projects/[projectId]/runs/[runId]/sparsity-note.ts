/**
 * Why a very sparse model still infers many edges, in words a biologist follows: sparsity counts the
 * network's individual weights set to zero, while an inferred edge is a gene pair the trained model
 * still connects through any of its hidden units. Null when there is nothing to reconcile.
 */
export function sparsityNote(sparsity: number | null | undefined, inferredEdges: number | null | undefined): string | null {
  if (sparsity == null || inferredEdges == null || !Number.isFinite(sparsity)) return null;
  const pct = `${(sparsity * 100).toFixed(1)}%`;
  const edges = inferredEdges.toLocaleString('en-US');
  return (
    `Sparsity (${pct}) counts the model’s individual weights that pruning set to zero. ` +
    `An inferred edge is a pair of genes the model still links: gene A affects gene B when any path through ` +
    `the hidden units connects them. One remaining hidden unit that reads a few genes and writes to many links every ` +
    `one of those pairs, so a few surviving weights can give ${edges} inferred edges.`
  );
}
