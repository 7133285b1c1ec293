import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { LanternDataProvider } from '../providers/dataProvider';
import { toHttpError } from '../providers/errors';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

/**
 * Runs one of the data provider's own queries (the figures of the dashboard) and keeps the
 * answer; runs it again when `key` changes. An error is kept as the server's message.
 */
export function useLoad<T>(key: string, load: (dataProvider: LanternDataProvider) => Promise<{ data: T }>, enabled = true): Loaded<T> {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: enabled });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load(dataProvider).then(
      ({ data }) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) => live && setState({ data: undefined, error: toHttpError(error).message, loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is a new function on every render; `key` says when the query changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataProvider, key, enabled]);
  return state;
}
