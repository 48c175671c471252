import { createHash } from 'node:crypto';
import { loadExample } from './__testUtils__/loadExample';

const {
  ClaimCheckProducer,
  ClaimCheckConsumer,
  parseEnvelope,
  UnprocessableMessageError,
  PayloadMissingError,
  PayloadIntegrityError,
  createDocumentPipeline,
} = loadExample('claim-check');

/** An in-memory blob store that records every call, in order, in a shared log. */
class MemoryStore {
  objects = new Map<string, { data: Uint8Array; metadata: any }>();
  /** The byte limit of every read, as an S3 adapter would send it in a Range header. */
  readLimits: Array<number | undefined> = [];
  constructor(private readonly log: string[] = []) {}
  async put(key: string, data: Uint8Array, metadata: any) {
    this.log.push(`put ${key}`);
    if (this.objects.has(key)) throw new Error('keys are never reused');
    this.objects.set(key, { data: new Uint8Array(data), metadata });
  }
  async get(key: string, maxBytes?: number) {
    this.log.push(`get ${key}`);
    this.readLimits.push(maxBytes);
    const data = this.objects.get(key)?.data;
    return maxBytes === undefined ? data : data?.slice(0, maxBytes);
  }
  async delete(key: string) {
    this.log.push(`delete ${key}`);
    this.objects.delete(key);
  }
}

const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);
const sha256 = (data: Uint8Array) =>
  createHash('sha256').update(data).digest('hex');

function setup(maxMessageBytes = 1_000) {
  const log: string[] = [];
  const store = new MemoryStore(log);
  const sent: string[] = [];
  let ids = 0;
  const producer = new ClaimCheckProducer(
    store,
    async (body: string) => {
      log.push('send');
      sent.push(body);
    },
    {
      maxMessageBytes,
      payloadTtlMs: 30 * 86_400_000,
      now: () => 1_000,
      newId: () => `id-${++ids}`,
    },
  );
  return { log, store, sent, producer };
}

describe('claim-check example', () => {
  it('sends a payload under the threshold inline and stores nothing', async () => {
    const { store, sent, producer } = setup();
    const payload = bytes(100);

    const envelope = await producer.publish(payload);

    expect(envelope.kind).toBe('inline');
    expect(store.objects.size).toBe(0);
    expect(sent).toHaveLength(1);
    const parsed = parseEnvelope(sent[0]);
    expect(parsed).toMatchObject({
      kind: 'inline',
      size: 100,
      sha256: sha256(payload),
    });
  });

  it('stores a payload over the threshold and sends only the claim check', async () => {
    const { store, sent, producer, log } = setup();
    const payload = bytes(5_000);

    const envelope = await producer.publish(payload);

    expect(log).toEqual(['put claims/id-1', 'send']); // stored before the message exists
    expect(envelope).toEqual({
      v: 1,
      kind: 'claim-check',
      key: 'claims/id-1',
      size: 5_000,
      sha256: sha256(payload),
      expiresAt: 1_000 + 30 * 86_400_000,
    });
    expect(Buffer.byteLength(sent[0])).toBeLessThan(1_000);
    expect(store.objects.get('claims/id-1')!.metadata).toEqual({
      sha256: sha256(payload),
      expiresAt: envelope.expiresAt,
    });
  });

  it('decides on the encoded message size, not the raw payload size', async () => {
    const { store, producer } = setup(1_000);
    // 800 raw bytes fit under 1,000, but base64 plus the envelope do not.
    const envelope = await producer.publish(bytes(800));
    expect(envelope.kind).toBe('claim-check');
    expect(store.objects.size).toBe(1);
  });

  it('round-trips both kinds through the consumer, verifying the hash', async () => {
    const { store, sent, producer } = setup();
    const small = bytes(10, 1);
    const large = bytes(4_000, 2);
    await producer.publish(small);
    await producer.publish(large);
    const consumer = new ClaimCheckConsumer(store, { deleteAfterAck: true });
    const received: Uint8Array[] = [];

    for (const body of sent) {
      await consumer.consume(
        body,
        async (payload: Uint8Array) => {
          received.push(payload);
        },
        async () => {},
      );
    }

    expect(received).toEqual([small, large]);
  });

  it('rejects a payload whose bytes do not match the hash in the message, and keeps it', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    store.objects.get('claims/id-1')!.data[17] ^= 0xff; // overwritten or corrupted object
    const consumer = new ClaimCheckConsumer(store, { deleteAfterAck: true });
    const process = jest.fn(async () => {});
    const ack = jest.fn(async () => {});

    await expect(
      consumer.consume(sent[0], process, ack),
    ).rejects.toBeInstanceOf(PayloadIntegrityError);
    expect(process).not.toHaveBeenCalled();
    expect(ack).not.toHaveBeenCalled();
    expect(store.objects.has('claims/id-1')).toBe(true);
  });

  it('rejects a truncated payload', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    const stored = store.objects.get('claims/id-1')!;
    stored.data = stored.data.slice(0, 4_096);
    const consumer = new ClaimCheckConsumer(store, { deleteAfterAck: true });

    await expect(
      consumer.consume(
        sent[0],
        async () => {},
        async () => {},
      ),
    ).rejects.toBeInstanceOf(PayloadIntegrityError);
  });

  it('deletes the stored payload only after processing and the ack have succeeded', async () => {
    const { store, sent, producer, log } = setup();
    await producer.publish(bytes(5_000));
    const consumer = new ClaimCheckConsumer(store, { deleteAfterAck: true });
    log.length = 0;

    await consumer.consume(
      sent[0],
      async () => {
        log.push('process');
      },
      async () => {
        log.push('ack');
      },
    );

    expect(log).toEqual([
      'get claims/id-1',
      'process',
      'ack',
      'delete claims/id-1',
    ]);
    expect(store.objects.size).toBe(0);
  });

  it('keeps the payload when processing or the ack fails, so a redelivery still finds it', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    const consumer = new ClaimCheckConsumer(store, { deleteAfterAck: true });

    await expect(
      consumer.consume(
        sent[0],
        async () => {
          throw new Error('renderer down');
        },
        async () => {},
      ),
    ).rejects.toThrow('renderer down');
    expect(store.objects.has('claims/id-1')).toBe(true);

    await expect(
      consumer.consume(
        sent[0],
        async () => {},
        async () => {
          throw new Error('receipt handle expired');
        },
      ),
    ).rejects.toThrow('receipt handle expired');
    expect(store.objects.has('claims/id-1')).toBe(true);

    // The redelivery processes the same payload and finally removes it.
    let processed = 0;
    await consumer.consume(
      sent[0],
      async () => {
        processed++;
      },
      async () => {},
    );
    expect(processed).toBe(1);
    expect(store.objects.has('claims/id-1')).toBe(false);
  });

  it('never deletes in fan-out mode, leaving the object to the lifecycle rule', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    const subscribers = [1, 2].map(
      () => new ClaimCheckConsumer(store, { deleteAfterAck: false }),
    );

    for (const consumer of subscribers) {
      await consumer.consume(
        sent[0],
        async () => {},
        async () => {},
      );
    }

    expect(store.objects.has('claims/id-1')).toBe(true);
  });

  it('treats a delete failure after the ack as harmless', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    store.delete = async () => {
      throw new Error('S3 throttled');
    };
    const consumer = new ClaimCheckConsumer(store, { deleteAfterAck: true });

    await expect(
      consumer.consume(
        sent[0],
        async () => {},
        async () => {},
      ),
    ).resolves.toBeUndefined();
  });

  it('reports a missing payload and a malformed message as unprocessable', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    store.objects.clear(); // expired too early, or deleted before a redelivery
    const consumer = new ClaimCheckConsumer(store, { deleteAfterAck: true });
    const noop = async () => {};

    await expect(consumer.consume(sent[0], noop, noop)).rejects.toBeInstanceOf(
      PayloadMissingError,
    );
    await expect(
      consumer.consume('not json', noop, noop),
    ).rejects.toBeInstanceOf(UnprocessableMessageError);
    await expect(
      consumer.consume(
        JSON.stringify({
          v: 1,
          kind: 'inline',
          sha256: 'abc',
          size: 1,
          data: '',
        }),
        noop,
        noop,
      ),
    ).rejects.toBeInstanceOf(UnprocessableMessageError);
    expect(new PayloadMissingError('k')).toBeInstanceOf(
      UnprocessableMessageError,
    );
  });

  it('refuses payloads above maxPayloadBytes before downloading them', async () => {
    const { store, sent, producer, log } = setup();
    await producer.publish(bytes(5_000));
    const consumer = new ClaimCheckConsumer(store, {
      deleteAfterAck: true,
      maxPayloadBytes: 4_096,
    });
    log.length = 0;

    await expect(
      consumer.consume(
        sent[0],
        async () => {},
        async () => {},
      ),
    ).rejects.toBeInstanceOf(UnprocessableMessageError);
    expect(log).toEqual([]);
  });

  it('leaves the stored payload in place when the send fails', async () => {
    const store = new MemoryStore();
    const producer = new ClaimCheckProducer(
      store,
      async () => {
        throw new Error('timeout: did the broker get it?');
      },
      { maxMessageBytes: 1_000, payloadTtlMs: 60_000, newId: () => 'x' },
    );

    await expect(producer.publish(bytes(5_000))).rejects.toThrow('timeout');
    expect(store.objects.has('claims/x')).toBe(true);
  });

  it('acknowledges a duplicate whose payload it already deleted, when the processed record knows it', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    const processed = new Set<string>();
    const consumer = new ClaimCheckConsumer(store, {
      deleteAfterAck: true,
      wasProcessed: async (envelope: any) => processed.has(envelope.key),
    });
    const effects: string[] = [];
    const process = async (_payload: Uint8Array, envelope: any) => {
      effects.push(envelope.key);
      processed.add(envelope.key); // in production: in the same transaction as the effect
    };
    const acks: string[] = [];

    await consumer.consume(sent[0], process, async () => {
      acks.push('first');
    });
    expect(store.objects.has('claims/id-1')).toBe(false);

    // SQS standard queues may deliver a message again after it was deleted.
    await expect(
      consumer.consume(sent[0], process, async () => {
        acks.push('duplicate');
      }),
    ).resolves.toBeUndefined();
    expect(acks).toEqual(['first', 'duplicate']);
    expect(effects).toEqual(['claims/id-1']);
  });

  it('still reports a missing payload that the processed record does not know', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    store.objects.clear(); // expired before its message was ever processed
    const ack = jest.fn(async () => {});
    const consumer = new ClaimCheckConsumer(store, {
      deleteAfterAck: true,
      wasProcessed: async () => false,
    });

    await expect(
      consumer.consume(sent[0], async () => {}, ack),
    ).rejects.toBeInstanceOf(PayloadMissingError);
    expect(ack).not.toHaveBeenCalled();
  });

  it('never reads more than the announced size plus one byte', async () => {
    const { store, sent, producer } = setup();
    await producer.publish(bytes(5_000));
    // The object under the key was replaced by a far larger one.
    store.objects.get('claims/id-1')!.data = bytes(10 * 1024 * 1024, 3);
    const consumer = new ClaimCheckConsumer(store, { deleteAfterAck: false });
    const process = jest.fn(async () => {});

    await expect(
      consumer.consume(sent[0], process, async () => {}),
    ).rejects.toBeInstanceOf(PayloadIntegrityError);
    expect(store.readLimits).toEqual([5_001]);
    expect(process).not.toHaveBeenCalled();
  });

  it('configures the SQS pipeline below the 1 MiB limit', async () => {
    const store = new MemoryStore();
    const sent: string[] = [];
    const { producer, consumer } = createDocumentPipeline(
      store,
      async (body: string) => {
        sent.push(body);
      },
      async () => false,
    );

    await producer.publish(bytes(1_048_576));
    expect(parseEnvelope(sent[0]).kind).toBe('claim-check');
    await producer.publish(bytes(512 * 1024));
    expect(parseEnvelope(sent[1]).kind).toBe('inline');
    expect(Buffer.byteLength(sent[1])).toBeLessThanOrEqual(1_048_576 - 16_384);

    await consumer.consume(
      sent[0],
      async () => {},
      async () => {},
    );
    expect(store.objects.size).toBe(0);
  });
});
