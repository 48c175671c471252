import fsp from 'node:fs/promises';
import { mockServices } from '@backstage/backend-test-utils';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '../testUtils/patternDocumentSource';
import { DefaultPatternContentService } from './PatternContentService';

afterEach(() => jest.restoreAllMocks());

/** Asks again until the answer passes `ok` (a background reload has landed), for at most 10 s. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

function refuse(directory: string) {
  const readFile = fsp.readFile;
  return jest.spyOn(fsp, 'readFile').mockImplementation((async (file: any, ...rest: any[]) => {
    if (String(file).startsWith(directory)) {
      throw Object.assign(new Error('EMFILE: too many open files'), {
        code: 'EMFILE',
        syscall: 'open',
      });
    }
    return (readFile as any)(file, ...rest);
  }) as any);
}

describe('DefaultPatternContentService', () => {
  const builtIn = writeContentDirectory({
    'resilience/timeout.md': patternDocumentSource('timeout'),
  });
  const company = writeContentDirectory({
    'resilience/bulkhead.md': patternDocumentSource('bulkhead'),
  });

  it('serves what it can read, and retries a refused directory after the retry interval', async () => {
    let now = 0;
    const logger = mockServices.logger.mock();
    const service = new DefaultPatternContentService([builtIn, company], {
      logger,
      retryAfterMs: 1000,
      now: () => now,
    });
    const spy = refuse(company);

    const first = await service.getContent();
    expect(first.patterns.map(p => p.id)).toEqual(['timeout']);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/could not read .* trying again in 1 s/));

    spy.mockRestore();
    now = 500;
    expect((await service.getContent()).patterns.map(p => p.id)).toEqual(['timeout']);

    now = 1500;
    await service.getContent(); // starts the retry; answers from what it has meanwhile
    const retried = await eventually(
      () => service.getContent(),
      content => content.unreadable.length === 0,
    );
    expect(retried.patterns.map(p => p.id).sort()).toEqual([
      'bulkhead',
      'timeout',
    ]);
  });

  it('keeps serving the last complete content when a reload cannot read a directory', async () => {
    let now = 0;
    const logger = mockServices.logger.mock();
    const service = new DefaultPatternContentService([builtIn, company], {
      logger,
      reloadIntervalMs: 1000,
      now: () => now,
    });
    const complete = await service.getContent();
    expect(complete.patterns).toHaveLength(2);

    refuse(company);
    now = 2000;
    await service.getContent();
    const warned = () =>
      (logger.warn as jest.Mock).mock.calls.some(([m]) => /serving the last complete content/.test(m));
    await eventually(async () => warned(), Boolean);
    expect(warned()).toBe(true);
    expect(await service.getContent()).toBe(complete);
  });

  it('never caches a failure: a load that could read nothing is tried again', async () => {
    let now = 0;
    const service = new DefaultPatternContentService([builtIn], {
      logger: mockServices.logger.mock(),
      retryAfterMs: 1000,
      now: () => now,
    });
    const readdir = jest
      .spyOn(fsp, 'readdir')
      .mockRejectedValueOnce(Object.assign(new Error('EMFILE'), { code: 'EMFILE', syscall: 'scandir' }));
    expect((await service.getContent()).patterns).toEqual([]);
    readdir.mockRestore();
    now = 1000;
    await service.getContent();
    const reloaded = await eventually(
      () => service.getContent(),
      content => content.patterns.length > 0,
    );
    expect(reloaded.patterns.map(p => p.id)).toEqual(['timeout']);
  });
});
