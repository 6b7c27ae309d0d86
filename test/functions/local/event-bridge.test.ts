import { describe, expect, it } from 'vitest';
import type { S3Event } from '../../../functions/lib/s3-event.ts';
import { type SqsEvent, s3RecordsOfSqsEvent } from '../../../functions/lib/sqs-event.ts';
import { type Delivery, EventBridge, type Route } from '../../../functions/local/event-bridge.ts';

// The local stand-in for S3 notifications: routing by bucket, prefix and suffix, and, for a queued
// route, SQS's shape and failure path: one message per record, batches, partial batch failures
// redelivered, and a dead-letter list after the last receive.

function raw(key: string, bucket = 'results'): S3Event {
  return {
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-11-28T09:00:00.000Z',
        s3: { bucket: { name: bucket }, object: { key } },
      },
    ],
  };
}

const keysOf = (event: S3Event | SqsEvent) =>
  'messageId' in (event.Records[0] ?? {})
    ? s3RecordsOfSqsEvent(event).records.map(({ record }) => record.s3.object.key)
    : (event as S3Event).Records.map((record) => record.s3.object.key);

function queuedRoute(name: string, prefix: string, seen: SqsEvent[], batchSize: number): Route {
  return {
    name,
    bucket: 'results',
    prefix,
    events: ['ObjectCreated'],
    handler: async (event) => {
      seen.push(event as SqsEvent);
      const keys = keysOf(event);
      return { batchItemFailures: [], outcomes: keys.map((key) => ({ key, status: 'done' })) };
    },
    queue: { batchSize, maxReceiveCount: 3, retryDelayMs: 1 },
  };
}

function directRoute(name: string, prefix: string, seen: S3Event[]): Route {
  return {
    name,
    bucket: 'results',
    prefix,
    events: ['ObjectCreated'],
    handler: async (event) => {
      seen.push(event as S3Event);
      return 'done';
    },
  };
}

describe('EventBridge', () => {
  it('hands a queued route SQS batches, one message per S3 record, and reports each record once', async () => {
    const batched: SqsEvent[] = [];
    const single: S3Event[] = [];
    // One handler at a time, so the later events are queued while the first runs.
    const bridge = new EventBridge(
      [queuedRoute('index', 'reports/', batched, 3), directRoute('analyze', 'articles/', single)],
      1,
    );
    const deliveries: Delivery[] = [];
    bridge.onDelivery((delivery) => deliveries.push(delivery));

    for (const key of [
      'reports/a.json',
      'articles/x.txt',
      'reports/b.json',
      'reports/c.json',
      'reports/d.json',
      'reports/e.json',
    ])
      bridge.publish(raw(key));
    await bridge.idle();

    // "a" starts at once; the rest queue behind it and leave in batches of at most three.
    expect(batched.map(keysOf)).toEqual([
      ['reports/a.json'],
      ['reports/b.json', 'reports/c.json', 'reports/d.json'],
      ['reports/e.json'],
    ]);
    for (const event of batched) {
      for (const message of event.Records) expect(JSON.parse(message.body).Records).toHaveLength(1);
    }
    expect(new Set(batched.flatMap((event) => event.Records.map((message) => message.messageId))).size).toBe(
      5,
    );
    expect(single.map(keysOf)).toEqual([['articles/x.txt']]);
    expect(deliveries.filter((delivery) => delivery.route === 'index')).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((name) => ({
        route: 'index',
        key: `reports/${name}.json`,
        result: [{ key: `reports/${name}.json`, status: 'done' }],
      })),
    );
  });

  it('lets a full batch go ahead of older events, while a partial one waits until nothing else is queued', async () => {
    const calls: string[] = [];
    const logged = (route: Route): Route => ({
      ...route,
      handler: async (event) => {
        calls.push(keysOf(event).join(' + '));
        return { batchItemFailures: [] };
      },
    });
    const bridge = new EventBridge(
      [logged(queuedRoute('index', 'reports/', [], 3)), logged(directRoute('analyze', 'articles/', []))],
      1,
    );

    const keys = ['articles/first.txt', 'articles/x1.txt', 'reports/a.json', 'reports/b.json'];
    for (const key of [...keys, 'articles/x2.txt', 'reports/c.json', 'reports/d.json'])
      bridge.publish(raw(key));
    await bridge.idle();

    expect(calls).toEqual([
      'articles/first.txt',
      'reports/a.json + reports/b.json + reports/c.json',
      'articles/x1.txt',
      'articles/x2.txt',
      'reports/d.json',
    ]);
  });

  it('sends a partial batch once its oldest message has waited out the batching window, even while analyses are queued', async () => {
    const calls: string[] = [];
    const slowly = (route: Route, ms: number): Route => ({
      ...route,
      handler: async (event) => {
        calls.push(keysOf(event).join(' + '));
        await new Promise((resolve) => setTimeout(resolve, ms));
        return { batchItemFailures: [] };
      },
    });
    const index: Route = {
      ...queuedRoute('index', 'reports/', [], 100),
      queue: { batchSize: 100, maxReceiveCount: 3, batchWindowMs: 40 },
    };
    const bridge = new EventBridge(
      [slowly(index, 0), slowly(directRoute('analyze', 'articles/', []), 25)],
      1,
    );

    const articles = Array.from({ length: 8 }, (_, n) => `articles/${n}.txt`);
    for (const key of [...articles, 'reports/a.json', 'reports/b.json']) bridge.publish(raw(key));
    await bridge.idle();

    // Without the window the two reports would wait for all eight analyses (see the test above).
    const batch = calls.indexOf('reports/a.json + reports/b.json');
    expect(batch).toBeGreaterThan(0);
    expect(batch).toBeLessThan(calls.length - 1);
    expect([...calls].sort()).toEqual([...articles, 'reports/a.json + reports/b.json'].sort());
  });

  it('receives again only the messages a partial batch response names, and dead-letters them after the last receive', async () => {
    const receives = new Map<string, number>();
    const route: Route = {
      ...queuedRoute('index', 'reports/', [], 10),
      handler: async (event) => {
        const sqs = event as SqsEvent;
        const failures = sqs.Records.filter((message) => {
          const [key] = keysOf({ Records: [message] });
          receives.set(key ?? '', (receives.get(key ?? '') ?? 0) + 1);
          return key === 'reports/bad.json';
        });
        return { batchItemFailures: failures.map((message) => ({ itemIdentifier: message.messageId })) };
      },
    };
    const bridge = new EventBridge([route], 1);
    const failed: string[] = [];
    bridge.onDelivery((delivery) => {
      if (delivery.error !== undefined) failed.push(delivery.key);
    });

    for (const key of ['reports/good.json', 'reports/bad.json']) bridge.publish(raw(key));
    await bridge.idle();

    expect(receives.get('reports/good.json')).toBe(1);
    expect(receives.get('reports/bad.json')).toBe(3);
    expect(failed).toEqual(['reports/bad.json']);
    expect(bridge.deadLetters.map((letter) => [letter.key, letter.receives])).toEqual([
      ['reports/bad.json', 3],
    ]);
  });

  it('redelivers every message of a batch whose handler throws', async () => {
    let calls = 0;
    const route: Route = {
      ...queuedRoute('index', 'reports/', [], 10),
      handler: async (event) => {
        calls += 1;
        if (calls === 1) throw new Error('index unavailable');
        return { batchItemFailures: [], outcomes: keysOf(event).map((key) => ({ key })) };
      },
    };
    const bridge = new EventBridge([route], 1);
    const delivered: Delivery[] = [];
    bridge.onDelivery((delivery) => delivered.push(delivery));

    for (const key of ['reports/a.json', 'reports/b.json']) bridge.publish(raw(key));
    await bridge.idle();

    expect(delivered.every((delivery) => delivery.error === undefined)).toBe(true);
    expect(delivered.map((delivery) => delivery.key).sort()).toEqual(['reports/a.json', 'reports/b.json']);
    expect(bridge.deadLetters).toEqual([]);
  });
});
