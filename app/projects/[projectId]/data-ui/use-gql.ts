'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';

/** Loads a query when its variables change; `reload` fetches it again (after a write). */
export function useGql<T>(query: string, variables: Record<string, unknown> | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string>();
  const key = variables === null ? null : JSON.stringify(variables);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (key === null) return;
    const ticket = ++latest.current;
    try {
      const result = await gql<T>(query, JSON.parse(key));
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
