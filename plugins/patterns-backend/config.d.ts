import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Architecture Patterns plugins */
  patterns?: {
    /** How the patterns backend reads the software catalog. */
    catalog?: {
      /**
       * The most one usage or adoption answer may wait for the catalog, for
       * all of its pages together. When it runs out, or the catalog fails
       * with a network error or a 5xx answer, the route answers 503
       * (`ServiceUnavailableError`). A duration object such as
       * `{ seconds: 10 }`, an ISO 8601 duration (`PT10S`) or a string such as
       * `10s`.
       * @default { seconds: 10 }
       */
      timeout?: HumanDuration | string;
    };
  };
}
