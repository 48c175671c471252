import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { patternFile } from './exampleSource';
import { parsePatternDocument } from '../content/parsePatternDocument';

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

/** Conditions under which Envoy retries only requests the upstream application never processed. */
const NEVER_PROCESSED = new Set([
  'connect-failure',
  'refused-stream',
  'reset-before-request',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True if every match clause of the route is restricted to a safe, idempotent method. */
function onlySafeMethods(route: any): boolean {
  const matches: any[] = route.match ?? [];
  return (
    matches.length > 0 &&
    matches.every(m => m.method?.exact && SAFE_METHODS.has(m.method.exact))
  );
}

function virtualServices() {
  return yamlResources('service-mesh').filter(r => r.kind === 'VirtualService');
}

describe('service-mesh example', () => {
  it('never lets a route that can carry writes retry after the application may have processed the request', () => {
    const routes = virtualServices().flatMap(vs => vs.spec.http);
    expect(routes.length).toBeGreaterThan(0);

    for (const route of routes.filter(r => !onlySafeMethods(r))) {
      // No retries block means Istio's default policy applies, which retries any method.
      expect(route.retries).toBeDefined();
      if (route.retries.attempts === 0) continue;
      const conditions = String(route.retries.retryOn ?? '').split(',');
      expect(route.retries.retryOn).toBeDefined();
      for (const condition of conditions) {
        expect(NEVER_PROCESSED.has(condition.trim())).toBe(true);
      }
    }
  });

  it('gives every route a timeout that leaves room for its retries', () => {
    const seconds = (d: string) =>
      d.endsWith('ms') ? Number(d.slice(0, -2)) / 1000 : Number(d.slice(0, -1));
    for (const route of virtualServices().flatMap(vs => vs.spec.http)) {
      expect(route.timeout).toBeDefined();
      const perTry = route.retries?.perTryTimeout;
      const tries = (route.retries?.attempts ?? 2) + 1;
      // Without a per-try timeout there is nothing to add up.
      const total = perTry ? seconds(perTry) * tries : 0;
      expect(total).toBeLessThanOrEqual(seconds(route.timeout));
    }
  });

  it('ends the route list with a catch-all, so no request is left without a route', () => {
    for (const vs of virtualServices()) {
      const last = vs.spec.http[vs.spec.http.length - 1];
      expect(last.match).toBeUndefined();
    }
  });

  it('never ejects more than half of the payments pool', () => {
    const rule = yamlResources('service-mesh').find(
      r => r.kind === 'DestinationRule',
    );
    expect(
      rule.spec.trafficPolicy.outlierDetection.maxEjectionPercent,
    ).toBeLessThanOrEqual(50);
  });
});
