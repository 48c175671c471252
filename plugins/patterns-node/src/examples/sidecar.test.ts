import fs from 'node:fs';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { loadExample } from './__testUtils__/loadExample';
import { patternFile } from './exampleSource';
import { parsePatternDocument } from '../content/parsePatternDocument';

const { waitForSidecar, SidecarNotReadyError, createJsonLineLogger } =
  loadExample('sidecar');

/** Every resource in the document's ```yaml blocks, parsed: the manifests readers copy. */
function yamlResources(id: string): any[] {
  const file = patternFile(id);
  const document = parsePatternDocument(fs.readFileSync(file, 'utf8'), file);
  return document.sections
    .flatMap(section => section.blocks)
    .flatMap(block =>
      block.type === 'code' && block.language === 'yaml'
        ? parseAllDocuments(block.text).map(d => d.toJS())
        : [],
    )
    .filter(resource => resource);
}

/** Resolves with 'hung' if the promise has not settled within a short real time. */
function settlesOrHangs<T>(promise: Promise<T>): Promise<T | 'hung'> {
  return Promise.race([
    promise.catch(error => error),
    new Promise<'hung'>(resolve => setTimeout(() => resolve('hung'), 100)),
  ]);
}

function pod() {
  return yamlResources('sidecar').find(r => r.kind === 'Pod');
}

function configMap(name: string) {
  return yamlResources('sidecar').find(
    r => r.kind === 'ConfigMap' && r.metadata.name === name,
  );
}

/** The container port a probe targets, resolving named ports of that container. */
function probePort(container: any, probe: any): number {
  const port = probe.httpGet.port;
  if (typeof port === 'number') return port;
  return container.ports.find((p: any) => p.name === port).containerPort;
}

describe('sidecar example', () => {
  describe('waitForSidecar', () => {
    it('gives up at the timeout when the proxy accepts the probe but never answers', async () => {
      let t = 0;
      const result = await settlesOrHangs(
        waitForSidecar(
          { ready: () => new Promise<boolean>(() => {}) },
          {
            timeoutMs: 3_000,
            intervalMs: 500,
            now: () => t,
            sleep: async (ms: number) => {
              t += ms;
            },
            deadline: () => AbortSignal.abort(new Error('probe timed out')),
          },
        ),
      );

      expect(result).toBeInstanceOf(SidecarNotReadyError);
    });

    it('returns the attempt on which the proxy became ready', async () => {
      let t = 0;
      let calls = 0;
      const attempt = await waitForSidecar(
        { ready: async () => ++calls >= 3 },
        {
          timeoutMs: 3_000,
          intervalMs: 500,
          now: () => t,
          sleep: async (ms: number) => {
            t += ms;
          },
        },
      );

      expect(attempt).toBe(3);
    });
  });

  it('keeps the logger fields from overwriting time, level and message', () => {
    const lines: string[] = [];
    const log = createJsonLineLogger(
      (line: string) => lines.push(line),
      () => Date.UTC(2024, 0, 2, 3, 4, 5, 6),
      { service: 'orders' },
    );

    log('info', 'order placed', {
      time: 'yesterday',
      level: 'debug',
      message: 'x',
      orderId: '42',
    });

    expect(JSON.parse(lines[0])).toEqual({
      service: 'orders',
      orderId: '42',
      time: '2024-01-02T03:04:05.006Z',
      level: 'info',
      message: 'order placed',
    });
  });

  describe('Pod manifest', () => {
    it('keeps the Envoy admin interface on localhost and never probes it', () => {
      const envoy = parseYaml(configMap('orders-envoy').data['envoy.yaml']);
      expect(envoy.admin.address.socket_address.address).toBe('127.0.0.1');
      const adminPort = envoy.admin.address.socket_address.port_value;

      const spec = pod().spec;
      for (const container of [...spec.initContainers, ...spec.containers]) {
        for (const p of container.ports ?? []) {
          expect(p.containerPort).not.toBe(adminPort);
        }
        for (const probe of [
          'startupProbe',
          'readinessProbe',
          'livenessProbe',
        ]) {
          const port = container[probe]
            ? probePort(container, container[probe])
            : undefined;
          expect(port).not.toBe(adminPort);
        }
      }
    });

    it('gives the app its own readiness probe, so the Pod is not ready while only the proxy is', () => {
      const app = pod().spec.containers.find((c: any) => c.name === 'app');
      expect(app.readinessProbe).toBeDefined();
    });

    it('keeps the app serving while its endpoint removal propagates', () => {
      const app = pod().spec.containers.find((c: any) => c.name === 'app');
      expect(app.lifecycle?.preStop).toBeDefined();
    });

    it('bounds the log shipper memory buffer, keeps its offsets and retries more than once', () => {
      const conf: string =
        configMap('orders-fluent-bit').data['fluent-bit.conf'];
      const input = conf.slice(
        conf.indexOf('[INPUT]'),
        conf.indexOf('[OUTPUT]'),
      );
      const output = conf.slice(conf.indexOf('[OUTPUT]'));
      expect(input).toMatch(/^\s*Mem_Buf_Limit\s+\S+/m);
      expect(input).toMatch(/^\s*DB\s+\S+/m);
      expect(output).toMatch(/^\s*Retry_Limit\s+\S+/m);
    });
  });
});
