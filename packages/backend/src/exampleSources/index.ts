import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { ExampleSourcesUrlReader } from './ExampleSourcesUrlReader';

export { ExampleSourcesUrlReader } from './ExampleSourcesUrlReader';

/**
 * Adds the example sources reader to the portal's URL readers (the
 * `urlReader` service's extension point, a multiton service): every plugin,
 * the catalog among them, then reads `exampleSources.baseUrl` URLs from
 * `exampleSources.directory`.
 */
export const exampleSourcesUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return ExampleSourcesUrlReader.factory;
  },
});
