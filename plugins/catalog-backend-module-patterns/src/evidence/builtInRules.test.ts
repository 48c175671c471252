/*
 * The built-in rules (content/evidence.yaml) on real-shaped manifests of
 * every ecosystem, deployment manifests and catalog fields.
 */
import { Entity } from '@backstage/catalog-model';
import { DetectedPattern } from '@system-design/backstage-plugin-patterns-common';
import { builtInEvidenceRules } from './__testUtils__/builtInEvidenceRules';
import { MemoryTree, MemoryUrlReader } from './__testUtils__/memoryReader';
import { CompiledEvidenceRules } from './compileRules';
import { toDetectedPatterns } from './detectedPatterns';
import { scanSourceTree } from './scanSourceTree';

const URL = 'https://github.com/acme/service/tree/main/';
const LIMITS = {
  maxFiles: 100,
  maxBytes: 1_000_000,
  maxFileBytes: 200_000,
  timeoutMs: 5_000,
};

async function compiled() {
  const { rules, patternIds } = await builtInEvidenceRules();
  return {
    rules: new CompiledEvidenceRules(rules),
    known: new Set(patternIds),
  };
}

/** What the built-in rules detect in these files. */
async function detect(
  files: MemoryTree,
): Promise<{ detected: DetectedPattern[]; warnings: string[] }> {
  const { rules, known } = await compiled();
  const reader = new MemoryUrlReader();
  reader.setTree(URL, 'sha-1', files);
  const scan = await scanSourceTree(reader, URL, rules, { limits: LIMITS });
  return {
    detected: toDetectedPatterns(scan.findings, known),
    warnings: scan.warnings.map(w => w.message),
  };
}

/** pattern id → its strongest evidence strength. */
async function strengths(files: MemoryTree): Promise<Record<string, string>> {
  const { detected, warnings } = await detect(files);
  expect(warnings).toEqual([]);
  return Object.fromEntries(detected.map(d => [d.id, d.evidence[0].strength]));
}

const packageJson = (
  dependencies: Record<string, string>,
  devDependencies = {},
) =>
  JSON.stringify(
    { name: 'svc', version: '1.0.0', dependencies, devDependencies },
    null,
    2,
  );

const pom = (
  ...coordinates: string[]
) => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId><artifactId>svc</artifactId><version>1.0.0</version>
  <dependencies>
${coordinates
  .map(c => {
    const [g, a, v] = c.split(':');
    return `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId>${
      v ? `<version>${v}</version>` : ''
    }</dependency>`;
  })
  .join('\n')}
  </dependencies>
</project>`;

describe('dependency rules', () => {
  it('npm: resilience libraries', async () => {
    expect(
      await strengths({ 'package.json': packageJson({ opossum: '^8.4.0' }) }),
    ).toEqual({
      'circuit-breaker': 'strong',
    });
    expect(
      await strengths({ 'package.json': packageJson({ cockatiel: '^3.2.1' }) }),
    ).toEqual({
      'circuit-breaker': 'weak',
      'retry-with-backoff': 'weak',
      timeout: 'weak',
      bulkhead: 'weak',
    });
  });

  it('npm: messaging, communication, flags, sagas and event stores, in dependencies and devDependencies', async () => {
    const found = await strengths({
      'package.json': packageJson(
        {
          kafkajs: '^2.2.4',
          amqplib: '^0.10.4',
          '@grpc/grpc-js': '^1.12.2',
          'graphql-yoga': '^5.10.4',
          ws: '^8.18.0',
          '@openfeature/server-sdk': '^1.16.2',
          '@temporalio/client': '^1.11.7',
          '@eventstore/db-client': '^6.2.1',
        },
        { 'socket.io': '^4.8.1' },
      ),
    });
    expect(found).toEqual({
      'pub-sub': 'strong',
      'message-queue': 'strong',
      grpc: 'strong',
      graphql: 'strong',
      websockets: 'strong',
      'feature-flags': 'strong',
      saga: 'weak',
      'event-sourcing': 'strong',
    });
  });

  it('npm: each graphql server and feature flag SDK of the rules', async () => {
    for (const server of [
      '@apollo/server',
      'graphql-yoga',
      'mercurius',
      '@nestjs/graphql',
    ]) {
      expect(
        await strengths({ 'package.json': packageJson({ [server]: '1.0.0' }) }),
      ).toEqual({
        graphql: 'strong',
      });
    }
    expect(
      await strengths({ 'package.json': packageJson({ graphql: '^16.9.0' }) }),
    ).toEqual({
      graphql: 'weak',
    });
    for (const sdk of [
      '@launchdarkly/node-server-sdk',
      'unleash-client',
      '@openfeature/web-sdk',
    ]) {
      expect(
        await strengths({ 'package.json': packageJson({ [sdk]: '1.0.0' }) }),
      ).toEqual({
        'feature-flags': 'strong',
      });
    }
  });

  it('Maven: each Resilience4j module is its own pattern', async () => {
    const found = await detect({
      'pom.xml': pom(
        'io.github.resilience4j:resilience4j-circuitbreaker:2.2.0',
        'io.github.resilience4j:resilience4j-retry:2.2.0',
        'io.github.resilience4j:resilience4j-bulkhead:2.2.0',
        'io.github.resilience4j:resilience4j-ratelimiter:2.2.0',
        'io.github.resilience4j:resilience4j-timelimiter:2.2.0',
      ),
    });
    expect(found.warnings).toEqual([]);
    expect(
      Object.fromEntries(
        found.detected.map(d => [
          d.id,
          d.evidence.map(
            e => `${e.strength} ${e.rule} ${e.source}: ${e.detail}`,
          ),
        ]),
      ),
    ).toEqual({
      'circuit-breaker': [
        'strong maven-resilience4j-circuitbreaker pom.xml: io.github.resilience4j:resilience4j-circuitbreaker:2.2.0',
      ],
      'retry-with-backoff': [
        'strong maven-resilience4j-retry pom.xml: io.github.resilience4j:resilience4j-retry:2.2.0',
      ],
      bulkhead: [
        'strong maven-resilience4j-bulkhead pom.xml: io.github.resilience4j:resilience4j-bulkhead:2.2.0',
      ],
      'rate-limiting': [
        'strong maven-resilience4j-ratelimiter pom.xml: io.github.resilience4j:resilience4j-ratelimiter:2.2.0',
      ],
      timeout: [
        'strong maven-resilience4j-timelimiter pom.xml: io.github.resilience4j:resilience4j-timelimiter:2.2.0',
      ],
    });
  });

  it('Maven: Axon, EventStoreDB, gRPC and Temporal', async () => {
    expect(
      await strengths({
        'pom.xml': pom(
          'org.axonframework:axon-spring-boot-starter:4.10.3',
          'com.eventstore:db-client-java:5.4.1',
          'io.grpc:grpc-netty-shaded:1.68.0',
          'io.temporal:temporal-sdk:1.26.1',
        ),
      }),
    ).toEqual({
      cqrs: 'strong',
      'event-sourcing': 'strong',
      grpc: 'strong',
      saga: 'weak',
    });
  });

  it('Gradle (Kotlin and Groovy DSL, version catalog) names Maven coordinates', async () => {
    expect(
      await strengths({
        'build.gradle.kts':
          'dependencies {\n  implementation("io.github.resilience4j:resilience4j-circuitbreaker:2.2.0")\n  implementation(libs.kafka)\n}\n',
        'legacy/build.gradle':
          "dependencies {\n  implementation group: 'io.github.resilience4j', name: 'resilience4j-retry', version: '2.2.0'\n}\n",
        'gradle/libs.versions.toml':
          '[libraries]\nkafka = { module = "org.apache.kafka:kafka-clients", version = "3.8.1" }\n',
      }),
    ).toEqual({
      'circuit-breaker': 'strong',
      'retry-with-backoff': 'strong',
      'pub-sub': 'strong',
    });
  });

  it('Go: major version suffixes do not hide a module', async () => {
    const found = await detect({
      'go.mod': `module example.com/svc

go 1.23

require (
	github.com/sony/gobreaker/v2 v2.0.0
	google.golang.org/grpc v1.68.0
	go.temporal.io/sdk v1.31.0
	github.com/EventStore/EventStore-Client-Go/v4 v4.1.0
	github.com/launchdarkly/go-server-sdk/v7 v7.8.0
	github.com/segmentio/kafka-go v0.4.47 // indirect
)
`,
    });
    expect(
      Object.fromEntries(found.detected.map(d => [d.id, d.evidence[0].detail])),
    ).toEqual({
      'circuit-breaker': 'github.com/sony/gobreaker/v2 v2.0.0',
      grpc: 'google.golang.org/grpc v1.68.0',
      saga: 'go.temporal.io/sdk v1.31.0',
      'event-sourcing': 'github.com/EventStore/EventStore-Client-Go/v4 v4.1.0',
      'feature-flags': 'github.com/launchdarkly/go-server-sdk/v7 v7.8.0',
    });
  });

  it('NuGet: Polly and Microsoft.Extensions.Http.Resilience are weak evidence of their strategies', async () => {
    expect(
      await strengths({
        'src/Api/Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Microsoft.Extensions.Http.Resilience" Version="8.10.0" />
    <PackageReference Include="Temporalio" Version="1.3.1" />
    <PackageReference Include="LaunchDarkly.ServerSdk" Version="8.6.0" />
  </ItemGroup>
</Project>`,
        'src/Legacy/packages.config':
          '<?xml version="1.0"?><packages><package id="Polly" version="7.2.4" /></packages>',
      }),
    ).toEqual({
      'retry-with-backoff': 'weak',
      'circuit-breaker': 'weak',
      timeout: 'weak',
      saga: 'weak',
      'feature-flags': 'strong',
    });
  });

  it('PyPI: requirements files and pyproject.toml, names normalised', async () => {
    expect(
      await strengths({
        'requirements.txt': 'Tenacity==9.0.0\npybreaker>=1.2\n',
        'requirements/prod.txt': 'grpcio==1.68.0\n',
        'pyproject.toml':
          '[project]\nname = "svc"\ndependencies = ["temporalio>=1.8", "openfeature_sdk>=0.7"]\n',
      }),
    ).toEqual({
      'retry-with-backoff': 'strong',
      'circuit-breaker': 'strong',
      grpc: 'strong',
      saga: 'weak',
      'feature-flags': 'strong',
    });
  });

  it('leaves out what is under node_modules, vendor and build output', async () => {
    expect(
      await strengths({
        'node_modules/opossum/package.json': packageJson({ opossum: '8' }),
        'vendor/github.com/x/go.mod':
          'module x\nrequire google.golang.org/grpc v1.0.0\n',
        'target/classes/pom.xml': pom(
          'io.github.resilience4j:resilience4j-retry:2.2.0',
        ),
      }),
    ).toEqual({});
  });
});

const deployment = (strategy?: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  replicas: 3
${strategy ? `  strategy:\n    type: ${strategy}\n` : ''}  selector:
    matchLabels: { app: checkout }
  template:
    metadata:
      labels: { app: checkout }
${extra}    spec:
      containers:
        - name: checkout
          image: registry.example.com/checkout:1.0.0
`;

describe('manifest rules', () => {
  it('Argo Rollouts: canary and blue-green', async () => {
    const found = await detect({
      'deploy/rollout.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: checkout }
spec:
  strategy:
    canary:
      steps: [{ setWeight: 20 }, { pause: {} }]
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: payments }
spec:
  strategy:
    blueGreen: { activeService: payments, previewService: payments-preview }
`,
    });
    expect(
      Object.fromEntries(found.detected.map(d => [d.id, d.evidence[0].detail])),
    ).toEqual({
      'canary-deployment': 'Rollout/checkout spec.strategy.canary',
      'blue-green-deployment': 'Rollout/payments spec.strategy.blueGreen',
    });
  });

  it('Flagger: a Canary resource', async () => {
    expect(
      await strengths({
        'flagger/canary.yaml':
          'apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: { name: checkout }\nspec:\n  targetRef: { apiVersion: apps/v1, kind: Deployment, name: checkout }\n',
      }),
    ).toEqual({ 'canary-deployment': 'strong' });
  });

  it('a Deployment rolls: explicitly (strong) or by default (weak), not with Recreate', async () => {
    expect(
      await strengths({ 'k8s/a.yaml': deployment('RollingUpdate') }),
    ).toEqual({
      'rolling-deployment': 'strong',
    });
    expect(await strengths({ 'k8s/a.yaml': deployment() })).toEqual({
      'rolling-deployment': 'weak',
    });
    expect(await strengths({ 'k8s/a.yaml': deployment('Recreate') })).toEqual(
      {},
    );
  });

  it('Istio: sidecar injection by pod annotation, pod label, namespace label or revision label', async () => {
    const injected = { 'service-mesh': 'strong', sidecar: 'strong' };
    expect(
      await strengths({
        'k8s/a.yaml': deployment(
          'Recreate',
          '      annotations:\n        sidecar.istio.io/inject: "true"\n',
        ),
      }),
    ).toEqual(injected);
    expect(
      await strengths({
        'k8s/a.yaml': deployment('Recreate').replace(
          'labels: { app: checkout }\n    spec',
          'labels: { app: checkout, sidecar.istio.io/inject: "true" }\n    spec',
        ),
      }),
    ).toEqual(injected);
    expect(
      await strengths({
        'k8s/ns.yaml':
          'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n',
      }),
    ).toEqual(injected);
    expect(
      await strengths({
        'k8s/ns.yaml':
          'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/rev: 1-24-1\n',
      }),
    ).toEqual(injected);
    expect(
      await strengths({
        'k8s/a.yaml': deployment(
          'Recreate',
          '      annotations:\n        sidecar.istio.io/inject: "false"\n',
        ),
      }),
    ).toEqual({});
  });

  it('Debezium outbox: the EventRouter in a Kafka Connect config or a Strimzi KafkaConnector', async () => {
    const json = await detect({
      'connect/outbox.json': JSON.stringify({
        name: 'orders-outbox',
        config: {
          'connector.class':
            'io.debezium.connector.postgresql.PostgresConnector',
          transforms: 'outbox',
          'transforms.outbox.type': 'io.debezium.transforms.outbox.EventRouter',
        },
      }),
    });
    expect(json.detected).toEqual([
      {
        id: 'outbox',
        evidence: [
          {
            rule: 'debezium-outbox-event-router',
            source: 'connect/outbox.json',
            detail:
              'orders-outbox config["transforms.outbox.type"]=io.debezium.transforms.outbox.EventRouter',
            strength: 'strong',
          },
        ],
      },
    ]);
    expect(
      await strengths({
        'deploy/connector.yaml': `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaConnector
metadata: { name: orders-outbox }
spec:
  class: io.debezium.connector.postgresql.PostgresConnector
  config:
    transforms: outbox
    transforms.outbox.type: io.debezium.transforms.outbox.EventRouter
`,
      }),
    ).toEqual({ outbox: 'strong' });
  });

  it('skips Helm templates without a warning', async () => {
    const found = await detect({
      'chart/templates/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n`,
    });
    expect(found).toEqual({ detected: [], warnings: [] });
  });
});

describe('catalog rules', () => {
  const api = (type: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'orders-api', namespace: 'default' },
    spec: { type, lifecycle: 'production', owner: 'team-a', definition: '' },
  });

  it.each([
    ['grpc', { grpc: 'strong' }],
    ['graphql', { graphql: 'strong' }],
    ['openapi', { rest: 'weak' }],
    ['asyncapi', { 'event-driven-architecture': 'weak', 'pub-sub': 'weak' }],
    ['trpc', {}],
  ])("an API entity's spec.type %s", async (type, expected) => {
    const { rules, known } = await compiled();
    const detected = toDetectedPatterns(rules.matchEntity(api(type)), known);
    expect(
      Object.fromEntries(detected.map(d => [d.id, d.evidence[0].strength])),
    ).toEqual(expected);
  });

  it('the types of the APIs a component provides (strong for its own) or consumes (weak)', async () => {
    const { rules, known } = await compiled();
    const detected = toDetectedPatterns(
      rules.matchApis([
        { ref: 'api:default/inventory', relation: 'provides', type: 'grpc' },
        { ref: 'api:default/catalog', relation: 'consumes', type: 'graphql' },
        { ref: 'api:default/events', relation: 'consumes', type: 'asyncapi' },
      ]),
      known,
    );
    expect(
      detected.map(d => [
        d.id,
        d.evidence.map(e => `${e.strength} ${e.source}: ${e.detail}`),
      ]),
    ).toEqual([
      ['grpc', ['strong spec.providesApis: api:default/inventory (grpc)']],
      [
        'event-driven-architecture',
        ['weak spec.consumesApis: api:default/events (asyncapi)'],
      ],
      ['graphql', ['weak spec.consumesApis: api:default/catalog (graphql)']],
      ['pub-sub', ['weak spec.consumesApis: api:default/events (asyncapi)']],
    ]);
  });
});
