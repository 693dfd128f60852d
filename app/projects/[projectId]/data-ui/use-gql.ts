'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultOf, TadaDocumentNode, VariablesOf } from '@/app/lib/graphql';
import { request } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';

/** Loads a query when its variables change (`null`: not yet); `reload` fetches it again (after a write). */
// biome-ignore lint/suspicious/noExplicitAny: any document, typed by its own result and variables
export function useGql<D extends TadaDocumentNode<any, any>>(query: D, variables: VariablesOf<D> | null) {
  const [data, setData] = useState<ResultOf<D> | null>(null);
  const [error, setError] = useState<string>();
  const key = variables === null ? null : JSON.stringify(variables);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (key === null) return;
    const ticket = ++latest.current;
    try {
      const result = await request(query, JSON.parse(key) as VariablesOf<D>);
      if (ticket === latest.current) {
        setData(result);
        setError(undefined);
      }
    } catch (e) {
      if (ticket === latest.current) setError(errorMessage(e));
    }
  }, [query, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload };
}
