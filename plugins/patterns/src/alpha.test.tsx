import { createExtensionTester } from '@backstage/frontend-test-utils';
import { SearchFilterResultTypeBlueprint } from '@backstage/plugin-search-react/alpha';
import patternsPlugin from './alpha';

describe('patterns plugin on the new frontend system: search', () => {
  it('adds "Patterns" to the search page result types', () => {
    const tester = createExtensionTester(
      patternsPlugin.getExtension('search-filter-result-type:patterns'),
    );
    expect(
      tester.get(SearchFilterResultTypeBlueprint.dataRefs.resultType),
    ).toEqual(expect.objectContaining({ value: 'pattern', name: 'Patterns' }));
  });
});
