'use client';
import { useState } from 'react';
import { GraphQLRequestError } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';

/**
 * Runs one write on an edge. On success and on CONFLICT (someone else changed the edge first) the edge is
 * reloaded; a conflict keeps its message on screen so the user knows why their change did not land.
 */
export function useEdgeWrite(reload: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function write(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      reload();
      return true;
    } catch (e) {
      const conflict = e instanceof GraphQLRequestError && e.code === 'CONFLICT';
      setError(conflict ? `${e.message} The edge was reloaded; check it and try again.` : errorMessage(e));
      if (conflict) reload();
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, write };
}
