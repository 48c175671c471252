import { useApi } from '@backstage/core-plugin-api';
import { DependencyList } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { PatternsApi, patternsApiRef } from '../api/PatternsApi';

/** Loads from the patterns backend: `load` gets the API; reloads when `deps` change. */
export function usePatternsData<T>(
  load: (api: PatternsApi) => Promise<T>,
  deps: DependencyList = [],
) {
  const api = useApi(patternsApiRef);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsync(() => load(api), [api, ...deps]);
}

/** The pattern list, the categories and the scenarios: what most views start from. */
export function loadCatalog(api: PatternsApi) {
  return Promise.all([
    api.listPatterns(),
    api.listCategories(),
    api.listScenarios(),
  ]);
}
