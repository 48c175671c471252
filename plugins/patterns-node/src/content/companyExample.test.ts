import path from 'node:path';
import { builtInContentDirectory } from './builtInContentDirectory';
import { loadPatternContent } from './loadPatternContent';

const companyDirectory = path.resolve(
  builtInContentDirectory(),
  '../examples/company-patterns',
);

describe('the example company directory', () => {
  it('loads over the built-in content without a problem, adding to it', async () => {
    const content = await loadPatternContent([
      builtInContentDirectory(),
      companyDirectory,
    ]);
    expect(content.problems).toEqual([]);
    expect(content.patterns.map(p => p.id)).toContain('hedged-requests');
    // appendAnswers kept every built-in answer and added the company's.
    const answers = content.decisionTree!.questions['failure-kind'].answers.map(
      a => a.next,
    );
    expect(answers).toEqual(
      expect.arrayContaining(['spike-source', 'timeout', 'hedged-requests']),
    );
    expect(answers[answers.length - 1]).toBe('hedged-requests');
    // layers.yaml added to the built-in Resilience layer instead of replacing the graph.
    const resilience = content.layers!.layers.find(l => l.id === 'resilience')!;
    expect(resilience.patterns).toEqual(
      expect.arrayContaining(['timeout', 'hedged-requests']),
    );
    expect(content.layers!.layers).toHaveLength(7);
  });
});
