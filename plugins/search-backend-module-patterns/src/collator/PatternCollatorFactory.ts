import { Readable } from 'node:stream';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { PatternContentService } from '@system-design/backstage-plugin-patterns-node';
import { PATTERN_SEARCH_TYPE } from '@system-design/backstage-plugin-patterns-common';
import { toSearchDocument } from './toSearchDocument';

/** Feeds every pattern, company patterns included, to the search index. */
export class PatternCollatorFactory implements DocumentCollatorFactory {
  readonly type = PATTERN_SEARCH_TYPE;

  constructor(private readonly content: PatternContentService) {}

  async getCollator(): Promise<Readable> {
    const { patterns, categories } = await this.content.getContent();
    const titleOf = (id: string) =>
      categories.find(c => c.id === id)?.title ?? id;
    return Readable.from(
      patterns.map(pattern =>
        toSearchDocument(pattern, titleOf(pattern.category)),
      ),
    );
  }
}
