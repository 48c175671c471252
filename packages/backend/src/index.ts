import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

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

// Architecture Patterns
backend.add(import('@system-design/backstage-plugin-patterns-backend'));
backend.add(import('@system-design/backstage-plugin-search-backend-module-patterns'));

backend.start();
