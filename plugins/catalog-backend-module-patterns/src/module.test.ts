import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogProcessor,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';
import packageDefault from './index';
import { catalogModulePatterns } from './module';
import { PatternAnnotationProcessor } from './processor/PatternAnnotationProcessor';
import { PatternEvidenceProcessor } from './evidence/PatternEvidenceProcessor';
import {
  processEntity,
  withPatterns,
} from './processor/__testUtils__/processTestEntity';

const PREFIX = 'InputError: Annotation system-design/patterns: ';

function companyDirectory() {
  return writeContentDirectory(
    {
      'cell.md': patternDocumentSource('cell-based-architecture', {
        frontMatter: { category: 'platform', aliases: ['cells'] },
      }),
    },
    {
      'categories.yaml':
        'categories:\n  - { id: platform, title: ACME Platform }\n',
    },
  );
}

/** Starts the module with a fake catalog and returns the processor it added. */
async function startModule(content: {
  directories: string[];
  includeBuiltIn?: boolean;
}): Promise<CatalogProcessor> {
  const addProcessor = jest.fn();
  await startTestBackend({
    extensionPoints: [[catalogProcessingExtensionPoint, { addProcessor }]],
    features: [
      catalogModulePatterns,
      mockServices.rootConfig.factory({ data: { patterns: { content } } }),
    ],
  });
  // The annotation processor and the evidence processor.
  expect(addProcessor).toHaveBeenCalledTimes(2);
  const [processor] = addProcessor.mock.calls[0];
  expect(processor).toBeInstanceOf(PatternAnnotationProcessor);
  expect(addProcessor.mock.calls[1][0]).toBeInstanceOf(
    PatternEvidenceProcessor,
  );
  return processor;
}

describe('catalog module', () => {
  it('is the default export of the package', () => {
    expect(packageDefault).toBe(catalogModulePatterns);
  });

  it('adds a processor that validates against the configured directories', async () => {
    const patterns = writeContentDirectory({
      'resilience/timeout.md': patternDocumentSource('timeout', {
        frontMatter: { aliases: ['deadline'] },
      }),
      'data/saga.md': patternDocumentSource('saga', {
        frontMatter: { category: 'data' },
      }),
    });
    const processor = (await startModule({
      directories: [patterns, companyDirectory()],
      includeBuiltIn: false,
    })) as PatternAnnotationProcessor;

    const result = await processEntity(
      processor,
      withPatterns('SAGA, deadline, cells, sagaa, circuit-breaker'),
    );
    expect(result.targets).toEqual([
      'pattern:default/saga',
      'pattern:default/timeout',
      'pattern:default/cell-based-architecture',
    ]);
    expect(result.messages).toEqual([
      `${PREFIX}Unknown pattern id "sagaa" — did you mean saga?`,
      `${PREFIX}Unknown pattern id "circuit-breaker".`,
    ]);
  });

  it('knows the built-in patterns alongside company ones', async () => {
    const processor = (await startModule({
      directories: [companyDirectory()],
    })) as PatternAnnotationProcessor;

    const result = await processEntity(
      processor,
      withPatterns(
        'circuit-breaker, retry-with-backof, cell-based-architecture',
      ),
    );
    expect(result.targets).toEqual([
      'pattern:default/circuit-breaker',
      'pattern:default/cell-based-architecture',
    ]);
    expect(result.messages).toEqual([
      `${PREFIX}Unknown pattern id "retry-with-backof" — did you mean retry-with-backoff?`,
    ]);
  });
});
