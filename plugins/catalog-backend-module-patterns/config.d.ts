import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Architecture Patterns plugins */
  patterns?: {
    /**
     * Evidence: which patterns a service really uses, detected from its
     * repository (read through the portal's URL readers and `integrations`)
     * and its catalog fields, by the rules of the content's `evidence.yaml`.
     */
    evidence?: {
      /**
       * Set to false to detect nothing: no repository is read, no
       * `hasPatternEvidence` relation is emitted.
       * @default true
       */
      enabled?: boolean;
      /**
       * Entity kinds whose `backstage.io/source-location` is read
       * (case-insensitive). Catalog-field rules apply to every kind they name.
       * @default ["Component"]
       */
      kinds?: string[];
      /**
       * The most files read from one entity's source tree.
       * @default 200
       */
      maxFiles?: number;
      /**
       * The most bytes read from one entity's source tree, all files together.
       * @default 4194304
       */
      maxBytes?: number;
      /**
       * Files larger than this are not read (a warning names them).
       * @default 524288
       */
      maxFileBytes?: number;
      /**
       * How long one read of a source tree may take before it is given up
       * (the last evidence is kept and a warning recorded).
       * @default { seconds: 30 }
       */
      readTimeout?: HumanDuration | string;
      /**
       * How often an entity's source tree is checked for changes. Between
       * checks the stored evidence is used without any request; a check of
       * an unchanged tree costs one request (its ETag), and only a changed
       * tree is read again. 0 checks on every processing run.
       * @default { minutes: 10 }
       */
      refreshInterval?: HumanDuration | string;
    };
  };
}
