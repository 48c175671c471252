import { createBackend } from '@backstage/backend-defaults';
import { exampleSourcesUrlReaderFactory } from './exampleSources';

const backend = createBackend();

// The example services' source trees, readable by the catalog's pattern
// evidence detector like a Git host (exampleSources in app-config.yaml)
backend.add(exampleSourcesUrlReaderFactory);

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider (see app-config.yaml)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Software catalog, with the patterns annotation module
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@system-design/backstage-plugin-catalog-backend-module-patterns'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Permissions: allow-all by default; replace the policy for production
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Search with the default in-memory engine
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// On PostgreSQL the search index lives in the database, shared by every
// replica; on the embedded SQLite the module stands aside for the in-memory engine.
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// Architecture Patterns
backend.add(import('@system-design/backstage-plugin-patterns-backend'));
backend.add(import('@system-design/backstage-plugin-search-backend-module-patterns'));

// AI assistants: the actions registered by plugins (the patterns actions, see
// backend.actions.pluginSources) as MCP tools at /api/mcp-actions/v1
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Tech Insights: pattern facts per entity and the example scorecard checks
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'));
backend.add(import('@system-design/backstage-plugin-tech-insights-backend-module-patterns'));

backend.start();
