import { describe, expect, it } from 'vitest';
import type { S3Event } from '../../../functions/lib/s3-event.ts';
import { type Delivery, EventBridge, type Route } from '../../../functions/local/event-bridge.ts';

// The local stand-in for S3 notifications: routing by bucket, prefix and suffix, and the local
// choice to coalesce queued events of a batched route into one event.

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

function route(name: string, prefix: string, seen: S3Event[], batchSize?: number): Route {
  return {
    name,
    bucket: 'results',
    prefix,
    events: ['ObjectCreated'],
    // One result per record, in order, as the update-index handler returns.
    handler: async (event) => {
      seen.push(event);
      return event.Records.map((record) => `done ${record.s3.object.key}`);
    },
    ...(batchSize === undefined ? {} : { batchSize }),
  };
}

describe('EventBridge', () => {
  it('coalesces queued events of a batched route, reporting each record as its own delivery', async () => {
    const batched: S3Event[] = [];
    const single: S3Event[] = [];
    // One handler at a time, so the later events are queued while the first runs.
    const bridge = new EventBridge(
      [route('index', 'reports/', batched, 3), route('analyze', 'articles/', single)],
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
    ]) {
      bridge.publish(raw(key));
    }
    await bridge.idle();

    // "a" starts at once; the rest queue behind it and leave in batches of at most three.
    expect(batched.map((event) => event.Records.map((record) => record.s3.object.key))).toEqual([
      ['reports/a.json'],
      ['reports/b.json', 'reports/c.json', 'reports/d.json'],
      ['reports/e.json'],
    ]);
    expect(single).toHaveLength(1);
    expect(deliveries.filter((delivery) => delivery.route === 'index')).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((name) => ({
        route: 'index',
        key: `reports/${name}.json`,
        result: [`done reports/${name}.json`],
      })),
    );
  });

  it('lets a full batch go ahead of older events, while a partial one waits until nothing else is queued', async () => {
    const calls: string[] = [];
    const logged = (name: string, prefix: string, batchSize?: number): Route => ({
      ...route(name, prefix, [], batchSize),
      handler: async (event) => {
        calls.push(event.Records.map((record) => record.s3.object.key).join(' + '));
        return [];
      },
    });
    const bridge = new EventBridge([logged('index', 'reports/', 3), logged('analyze', 'articles/')], 1);

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

  it('reports a failed coalesced event as a failure of each of its records', async () => {
    let calls = 0;
    const failing: Route = {
      name: 'index',
      bucket: 'results',
      prefix: 'reports/',
      events: ['ObjectCreated'],
      handler: async () => {
        calls += 1;
        throw new Error('index unavailable');
      },
      batchSize: 10,
    };
    const bridge = new EventBridge([failing], 1);
    const failed: string[] = [];
    bridge.onDelivery((delivery) => {
      if (delivery.error !== undefined) failed.push(delivery.key);
    });

    for (const key of ['reports/a.json', 'reports/b.json', 'reports/c.json']) bridge.publish(raw(key));
    await bridge.idle();

    // "a" alone, then "b" and "c" together: both reported failed.
    expect(calls).toBe(2);
    expect(failed).toEqual(['reports/a.json', 'reports/b.json', 'reports/c.json']);
  });
});
