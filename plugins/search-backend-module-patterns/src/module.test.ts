import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { IndexableDocument } from '@backstage/plugin-search-common';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';
import { searchModulePatterns } from './module';

async function collect(stream: AsyncIterable<IndexableDocument>) {
  const documents: IndexableDocument[] = [];
  for await (const document of stream) documents.push(document);
  return documents;
}

describe('search module', () => {
  it('registers a collator that indexes built-in and company patterns', async () => {
    const builtIn = writeContentDirectory({
      'resilience/retry.md': patternDocumentSource('retry-with-backoff', {
        frontMatter: {
          title: 'Retry with Backoff',
          summary: 'Retries with full jitter.',
        },
        body: title =>
          title === 'How It Works'
            ? 'Waits grow exponentially with **jitter**.\n\n```mermaid\nflowchart LR\n  A --> B\n```\n'
            : undefined!,
      }),
    });
    const company = writeContentDirectory(
      {
        'cell.md': patternDocumentSource('cell-based-architecture', {
          frontMatter: {
            category: 'platform',
            title: 'Cell-Based Architecture',
          },
        }),
      },
      {
        'categories.yaml':
          'categories:\n  - { id: platform, title: ACME Platform }\n',
      },
    );
    const addCollator = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator, addDecorator: jest.fn() },
        ],
      ],
      features: [
        searchModulePatterns,
        mockServices.rootConfig.factory({
          data: { patterns: { content: { directories: [builtIn, company] } } },
        }),
      ],
    });

    expect(addCollator).toHaveBeenCalledTimes(1);
    const { factory } = addCollator.mock.calls[0][0];
    expect(factory.type).toBe('pattern');
    const documents = await collect(await factory.getCollator());
    const byId = Object.fromEntries(
      documents.map(d => [(d as any).patternId, d]),
    );
    expect(byId['retry-with-backoff']).toMatchObject({
      title: 'Retry with Backoff',
      location: '/patterns/retry-with-backoff',
      category: 'Resilience Patterns',
      summary: 'Retries with full jitter.',
    });
    expect(byId['retry-with-backoff'].text).toContain(
      'Waits grow exponentially with jitter',
    );
    expect(byId['retry-with-backoff'].text).not.toContain('flowchart');
    expect(byId['cell-based-architecture']).toMatchObject({
      location: '/patterns/cell-based-architecture',
      category: 'ACME Platform',
    });
  });
});
