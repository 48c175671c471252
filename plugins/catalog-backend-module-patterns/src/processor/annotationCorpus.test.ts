import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  MAX_ANNOTATION_LENGTH,
  annotationProblemsFromStatus,
  resolvePatternAnnotation,
} from '@system-design/backstage-plugin-patterns-common';
import {
  createProcessor,
  processEntity,
  withPatterns,
} from './__testUtils__/processTestEntity';
import { testPatternIdIndex } from './__testUtils__/testIndex';

interface CorpusCase {
  /** What the case is about. */
  name: string;
  value: string;
  /** Expected relation targets, as pattern ids, in order. */
  ids: string[];
  /** Expected problem messages, without the annotation prefix. */
  errors: string[];
}

const unknown = (quoted: string, suggestion?: string) =>
  `Unknown pattern id ${quoted}${
    suggestion ? ` — did you mean ${suggestion}?` : '.'
  }`;
const separators = (quoted: string, example?: string) =>
  `${quoted} is not a pattern id: separate pattern ids with commas or spaces${
    example ? `, e.g. "${example}"` : ''
  }.`;
const tooLong = (length: number) =>
  `The value is ${length} characters long; the limit is ${MAX_ANNOTATION_LENGTH}. List pattern ids separated by commas.`;

const LONG_TOKEN = 'x'.repeat(81);
const TEN_KB = 'saga, '.repeat(2000).slice(0, 10 * 1024);
const FIFTEEN_BAD = Array.from({ length: 15 }, (_, i) => `bad${i}`).join(', ');

const corpus: CorpusCase[] = [
  // Nothing to do
  { name: 'empty', value: '', ids: [], errors: [] },
  { name: 'spaces only', value: '   ', ids: [], errors: [] },
  { name: 'mixed whitespace only', value: '\n\t \r\n', ids: [], errors: [] },
  { name: 'one comma', value: ',', ids: [], errors: [] },
  { name: 'separators only', value: ', , ,', ids: [], errors: [] },
  {
    name: 'separators and newlines only',
    value: ' ,\n, ',
    ids: [],
    errors: [],
  },

  // Valid values
  { name: 'one id', value: 'saga', ids: ['saga'], errors: [] },
  {
    name: 'comma separated',
    value: 'circuit-breaker, retry-with-backoff, saga',
    ids: ['circuit-breaker', 'retry-with-backoff', 'saga'],
    errors: [],
  },
  {
    name: 'space separated',
    value: 'circuit-breaker retry-with-backoff saga',
    ids: ['circuit-breaker', 'retry-with-backoff', 'saga'],
    errors: [],
  },
  {
    name: 'commas without spaces and a newline (YAML block scalar)',
    value: 'circuit-breaker,retry-with-backoff\nsaga\n',
    ids: ['circuit-breaker', 'retry-with-backoff', 'saga'],
    errors: [],
  },
  {
    name: 'empty item between commas',
    value: 'saga,,timeout',
    ids: ['saga', 'timeout'],
    errors: [],
  },
  {
    name: 'leading and trailing separators',
    value: ', saga, timeout ,',
    ids: ['saga', 'timeout'],
    errors: [],
  },
  {
    name: 'tab separated',
    value: 'saga\ttimeout',
    ids: ['saga', 'timeout'],
    errors: [],
  },
  {
    name: 'no-break space separated',
    value: 'saga\u00a0timeout',
    ids: ['saga', 'timeout'],
    errors: [],
  },
  {
    name: 'ideographic space separated',
    value: 'saga\u3000timeout',
    ids: ['saga', 'timeout'],
    errors: [],
  },

  // Case and duplicates
  { name: 'upper case', value: 'SAGA', ids: ['saga'], errors: [] },
  {
    name: 'mixed case',
    value: 'Circuit-Breaker, RETRY-with-Backoff',
    ids: ['circuit-breaker', 'retry-with-backoff'],
    errors: [],
  },
  {
    name: 'duplicates in different case',
    value: 'saga, saga, SAGA',
    ids: ['saga'],
    errors: [],
  },
  {
    name: 'duplicates keep first-seen order',
    value: 'timeout saga timeout cqrs saga',
    ids: ['timeout', 'saga', 'cqrs'],
    errors: [],
  },

  // Aliases
  { name: 'alias', value: 'bff', ids: ['backend-for-frontend'], errors: [] },
  {
    name: 'alias in upper case',
    value: '2PC',
    ids: ['two-phase-commit'],
    errors: [],
  },
  {
    name: 'alias and its id',
    value: 'retry, retry-with-backoff',
    ids: ['retry-with-backoff'],
    errors: [],
  },
  {
    name: 'id and its alias',
    value: 'timeout deadline',
    ids: ['timeout'],
    errors: [],
  },

  // Entity-ref syntax
  {
    name: 'kind-prefixed ref',
    value: 'pattern:saga',
    ids: ['saga'],
    errors: [],
  },
  {
    name: 'full entity ref',
    value: 'pattern:default/saga',
    ids: ['saga'],
    errors: [],
  },
  {
    name: 'full entity ref in mixed case',
    value: 'Pattern:Default/Saga',
    ids: ['saga'],
    errors: [],
  },
  {
    name: 'refs mixed with plain ids',
    value: 'pattern:default/saga, timeout, pattern:cqrs',
    ids: ['saga', 'timeout', 'cqrs'],
    errors: [],
  },
  {
    name: 'ref of another kind',
    value: 'component:default/saga',
    ids: [],
    errors: [unknown('"component:default/saga"')],
  },
  {
    name: 'ref in another namespace',
    value: 'pattern:other/saga',
    ids: [],
    errors: [unknown('"other/saga"')],
  },

  // Near misses
  {
    name: 'missing last letter (the design example)',
    value: 'retry-with-backof',
    ids: [],
    errors: [unknown('"retry-with-backof"', 'retry-with-backoff')],
  },
  {
    name: 'near miss next to a valid id',
    value: 'retry-with-backof, saga',
    ids: ['saga'],
    errors: [unknown('"retry-with-backof"', 'retry-with-backoff')],
  },
  {
    name: 'misspelt letter',
    value: 'circuit-braker',
    ids: [],
    errors: [unknown('"circuit-braker"', 'circuit-breaker')],
  },
  {
    name: 'missing hyphen',
    value: 'circuitbreaker',
    ids: [],
    errors: [unknown('"circuitbreaker"', 'circuit-breaker')],
  },
  {
    name: 'extra letter',
    value: 'sagaa',
    ids: [],
    errors: [unknown('"sagaa"', 'saga')],
  },
  {
    name: 'dropped letter',
    value: 'timout',
    ids: [],
    errors: [unknown('"timout"', 'timeout')],
  },
  {
    name: 'swapped letters',
    value: 'cqsr',
    ids: [],
    errors: [unknown('"cqsr"', 'cqrs')],
  },
  {
    name: 'near miss in upper case',
    value: 'Circuit-Braker',
    ids: [],
    errors: [unknown('"circuit-braker"', 'circuit-breaker')],
  },
  {
    name: 'title with a space instead of a hyphen',
    value: 'event sourcing',
    ids: [],
    errors: [unknown('"event"', 'event-sourcing'), unknown('"sourcing"')],
  },

  // Unknown ids
  { name: 'unknown id', value: 'foo', ids: [], errors: [unknown('"foo"')] },
  {
    name: 'unrelated word',
    value: 'kubernetes',
    ids: [],
    errors: [unknown('"kubernetes"')],
  },
  {
    name: 'unknown ids next to valid ones',
    value: 'saga, kubernetes, timeout, foo',
    ids: ['saga', 'timeout'],
    errors: [unknown('"kubernetes"'), unknown('"foo"')],
  },
  {
    name: 'many unknown ids are capped',
    value: FIFTEEN_BAD,
    ids: [],
    errors: [
      ...Array.from({ length: 10 }, (_, i) => unknown(`"bad${i}"`)),
      '…and 5 more unknown values.',
    ],
  },

  // Wrong separators
  {
    name: 'semicolon',
    value: 'saga;timeout',
    ids: [],
    errors: [separators('"saga;timeout"', 'saga, timeout')],
  },
  {
    name: 'pipe',
    value: 'saga|timeout',
    ids: [],
    errors: [separators('"saga|timeout"', 'saga, timeout')],
  },
  {
    name: 'semicolon with an unknown id',
    value: 'saga;foo',
    ids: [],
    errors: [separators('"saga;foo"')],
  },
  {
    name: 'slash',
    value: 'saga/timeout',
    ids: [],
    errors: [unknown('"saga/timeout"')],
  },
  {
    name: 'full-width comma',
    value: 'saga，timeout',
    ids: [],
    errors: [unknown('"saga，timeout"')],
  },

  // Unicode
  {
    name: 'accented near miss',
    value: 'sága',
    ids: [],
    errors: [unknown('"sága"', 'saga')],
  },
  { name: 'katakana', value: 'サガ', ids: [], errors: [unknown('"サガ"')] },
  {
    name: 'emoji next to a valid id',
    value: 'saga 🔥',
    ids: ['saga'],
    errors: [unknown('"🔥"')],
  },

  // HTML and quoting
  {
    name: 'script tag',
    value: '<script>alert(1)</script>',
    ids: [],
    errors: [unknown('"<script>alert(1)</script>"')],
  },
  {
    name: 'id wrapped in markup',
    value: '<b>saga</b>',
    ids: [],
    errors: [unknown('"<b>saga</b>"')],
  },
  {
    name: 'markup with spaces next to a valid id',
    value: 'saga, <img src=x onerror=alert(1)>',
    ids: ['saga'],
    errors: [
      unknown('"<img"'),
      unknown('"src=x"'),
      unknown('"onerror=alert(1)>"'),
    ],
  },
  {
    name: 'double quotes are escaped',
    value: '"saga"',
    ids: [],
    errors: [unknown('"\\"saga\\""', 'saga')],
  },
  {
    name: 'control characters are escaped',
    value: 'saga\u0000',
    ids: [],
    errors: [unknown('"saga\\u0000"', 'saga')],
  },

  // Length
  {
    name: 'over-long token is shortened',
    value: LONG_TOKEN,
    ids: [],
    errors: [`"${'x'.repeat(60)}…" is not a pattern id.`],
  },
  {
    name: 'over-long token next to a valid id',
    value: `saga, ${'y'.repeat(200)}`,
    ids: ['saga'],
    errors: [`"${'y'.repeat(60)}…" is not a pattern id.`],
  },
  {
    name: 'value just over the limit',
    value: 'a'.repeat(MAX_ANNOTATION_LENGTH + 1),
    ids: [],
    errors: [tooLong(MAX_ANNOTATION_LENGTH + 1)],
  },
  {
    name: '10 KB of valid ids is rejected whole',
    value: TEN_KB,
    ids: [],
    errors: [tooLong(10240)],
  },
];

const PREFIX = 'Annotation system-design/patterns: ';

describe('system-design/patterns annotation corpus', () => {
  it('has at least 40 values, each named once', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map(c => c.name)).size).toBe(corpus.length);
  });

  describe('parser', () => {
    it.each(corpus)('$name', ({ value, ids, errors }) => {
      const parsed = resolvePatternAnnotation(value, testPatternIdIndex());
      expect(parsed.ids).toEqual(ids);
      expect(parsed.problems.map(p => p.message)).toEqual(errors);
    });
  });

  describe('processor', () => {
    it.each(corpus)('$name', async ({ value, ids, errors }) => {
      const { processor } = createProcessor(async () => testPatternIdIndex());
      const entity = withPatterns(value);
      const result = await processEntity(processor, entity);

      expect(result.targets).toEqual(ids.map(id => `pattern:default/${id}`));
      for (const relation of result.relations) {
        expect(relation.source).toEqual(getCompoundEntityRef(entity));
        expect(relation.type).toBe('usesPattern');
      }
      // Only relations are emitted: an emitted error would keep the entity out.
      expect(result.emitted.every(r => r.type === 'relation')).toBe(true);

      const items = result.entity.status?.items ?? [];
      expect(items.map(item => [item.type, item.level, item.message])).toEqual(
        errors.map(message => [
          'backstage.io/catalog-processing',
          'error',
          `InputError: ${PREFIX}${message}`,
        ]),
      );
      // The problems travel as data: every reader gets back what the resolver found.
      expect(annotationProblemsFromStatus(result.entity)).toEqual(
        resolvePatternAnnotation(value, testPatternIdIndex()).problems,
      );
      // Every message is bounded, whatever the input.
      for (const message of result.messages) {
        expect(message.length).toBeLessThan(250);
      }
      // The rest of the entity is passed through untouched.
      expect({ ...result.entity, status: undefined }).toEqual({
        ...entity,
        status: undefined,
      });
    });
  });
});
