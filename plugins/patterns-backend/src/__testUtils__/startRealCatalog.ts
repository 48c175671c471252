/*
 * A real catalog backend (the catalog plugin with the patterns catalog
 * module) loaded with given entities, for the integration tests and the
 * usage benchmark; optionally with the real permission backend and a
 * policy.
 */
import { performance } from 'node:perf_hooks';
import {
  AuthService,
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import catalogModulePatterns from '@system-design/backstage-plugin-catalog-backend-module-patterns';

type Feature = BackendFeature | Promise<{ default: BackendFeature }>;

/** `backend.database`, e.g. `{ client: 'pg', connection: url, prefix }`. */
export type DatabaseConfig = {
  client: string;
  connection: string | { [key: string]: string | number };
  /** Prefix of the databases created, one per plugin. */
  prefix?: string;
};

export interface RealCatalogOptions {
  /** What the catalog ingests, in one full mutation of a test provider. */
  entities: Entity[];
  /** How many of them end up with at least one `usesPattern` relation. */
  expectedUsers: number;
  /** The plugins under test, beside the catalog and its patterns module. */
  features?: Feature[];
  /** `backend.database` config; undefined for in-memory SQLite. */
  database?: DatabaseConfig;
  stitchTimeoutSeconds?: number;
  /** Called every 15 s while waiting for the catalog. */
  onProgress?: (line: string) => void;
  /**
   * A permission policy. When given, the permission backend runs with it and
   * `permission.enabled: true`, so the catalog answers each user only what
   * the policy lets them read; the user that waits for the catalog to stitch
   * (`user:default/mock`) must be allowed to read every entity.
   */
  permissionPolicy?: PermissionPolicy;
}

const userHeaders = { Authorization: mockCredentials.user.header() };

const PROVIDER_NAME = 'patterns-test-entities';
const LOCATION = 'url:https://example.com/patterns-test/catalog-info.yaml';

/** Hands the entities to the catalog in one full mutation. */
class StaticEntityProvider implements EntityProvider {
  constructor(private readonly entities: Entity[]) {}
  getProviderName() {
    return PROVIDER_NAME;
  }
  async connect(connection: EntityProviderConnection) {
    await connection.applyMutation({
      type: 'full',
      entities: this.entities.map(entity => ({
        entity: withManagedByLocation(entity),
        locationKey: PROVIDER_NAME,
      })),
    });
  }
}

function withManagedByLocation(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
        ...entity.metadata.annotations,
      },
    },
  };
}

/**
 * The mock auth service, except that a token issued on behalf of a user
 * names the issuing plugin as its actor, as a real plugin-to-plugin token
 * does. The permission backend answers conditional decisions (which the
 * catalog asks for when it lists entities) only to such requests, never to
 * a user calling it directly.
 */
const authWithActorsFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => auth.authenticate(token, options),
      getNoneCredentials: () => auth.getNoneCredentials(),
      getOwnServiceCredentials: () => auth.getOwnServiceCredentials(),
      isPrincipal: auth.isPrincipal.bind(auth),
      getLimitedUserToken: credentials => auth.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => auth.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        if (auth.isPrincipal(options.onBehalfOf, 'user')) {
          const { userEntityRef } = options.onBehalfOf.principal;
          return {
            token: mockCredentials.user.token(userEntityRef, {
              actor: { subject: `plugin:${plugin.getId()}` },
            }),
          };
        }
        return auth.getPluginRequestToken(options);
      },
    };
  },
});

/** The permission backend with the given policy. */
function permissionFeatures(policy: PermissionPolicy): Feature[] {
  const policyModule = createBackendModule({
    pluginId: 'permission',
    moduleId: 'patterns-test-policy',
    register(env) {
      env.registerInit({
        deps: { policies: policyExtensionPoint },
        async init({ policies }) {
          policies.setPolicy(policy);
        },
      });
    },
  });
  return [permissionPlugin, policyModule, authWithActorsFactory];
}

/**
 * Starts the catalog with the entities and features, and resolves once every
 * entity is processed and stitched with its relations indexed.
 */
export async function startRealCatalog(options: RealCatalogOptions) {
  const { entities, expectedUsers, database, permissionPolicy } = options;
  const stitchTimeoutSeconds = options.stitchTimeoutSeconds ?? 60;

  const entitiesModule = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'patterns-test-entities',
    register(env) {
      env.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          processing.addEntityProvider(new StaticEntityProvider(entities));
        },
      });
    },
  });

  const started = performance.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModulePatterns,
      entitiesModule,
      ...(permissionPolicy ? permissionFeatures(permissionPolicy) : []),
      ...(options.features ?? []),
      // Requests without a token are anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootLogger.factory({ level: 'error' }),
      mockServices.rootConfig.factory({
        data: {
          ...(database ? { backend: { database } } : {}),
          ...(permissionPolicy ? { permission: { enabled: true } } : {}),
          // Nothing changes during a run; no periodic reprocessing.
          catalog: { processingInterval: { minutes: 30 } },
        },
      }),
    ],
  });

  const baseUrl = `http://localhost:${backend.server.port()}`;
  /** GETs JSON, as a user unless other headers are given; throws unless 2xx. */
  const get = async (
    path: string,
    headers: Record<string, string> = userHeaders,
  ): Promise<any> => {
    const res = await fetch(`${baseUrl}${path}`, { headers });
    if (!res.ok) {
      throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    }
    return res.json();
  };

  const count = async (filter?: string): Promise<number> =>
    (
      await get(
        `/api/catalog/entities/by-query?limit=1${
          filter ? `&filter=${filter}` : ''
        }`,
      )
    ).totalItems;
  let lastReport = 0;
  for (;;) {
    const [stitched, users] = await Promise.all([
      count(),
      count('relations.usespattern'),
    ]);
    if (stitched === entities.length && users === expectedUsers) break;
    const elapsed = (performance.now() - started) / 1000;
    const progress =
      `${stitched}/${entities.length} entities stitched, ` +
      `${users}/${expectedUsers} with usesPattern`;
    if (elapsed > stitchTimeoutSeconds) {
      await backend.stop();
      throw new Error(
        `The catalog did not stitch within ${stitchTimeoutSeconds} s: ${progress}`,
      );
    }
    if (elapsed - lastReport >= 15) {
      options.onProgress?.(`  ${elapsed.toFixed(0)} s: ${progress}`);
      lastReport = elapsed;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }

  return {
    backend,
    baseUrl,
    get,
    /** Seconds from start until every entity was stitched. */
    loadSeconds: (performance.now() - started) / 1000,
  };
}
