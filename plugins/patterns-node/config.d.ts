export interface Config {
  /** Architecture Patterns plugins */
  patterns?: {
    content?: {
      /**
       * Extra content directories, each laid out like the built-in one
       * (`patterns/**\/*.md`, optional `categories.yaml`, `scenarios.yaml`,
       * `decision-tree.yaml`, `gaps.yaml`, `layers.yaml`). Later directories
       * add patterns and override earlier ones with the same id. Relative
       * paths are resolved from the backend's working directory.
       */
      directories?: string[];
      /**
       * Set to false to serve only the extra directories.
       * @default true
       */
      includeBuiltIn?: boolean;
      /**
       * Reload the content directories this often, in seconds; by default
       * they are read once per backend start (and again after a read error).
       * Replicas serve the same content within one interval.
       */
      reloadIntervalSeconds?: number;
    };
  };
}
