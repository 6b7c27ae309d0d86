import { encodeEventKey, type S3Event } from '../lib/s3-event.ts';

// The embedded S3 server emits one event per write, with unencoded keys and no notification
// filters. The bridge gives each handler exactly what AWS would: only the events its
// notification configuration selects, with URL-encoded keys.
//
// One local delivery choice differs in form, not in meaning: a route with `batchSize` gets the
// records queued for it (under its name) coalesced into one event of up to that many records, as
// an SQS queue with batching would deliver them. On AWS each S3 notification carries one record;
// the handler treats one record and many alike. Every record's outcome is still reported as its
// own delivery. On AWS each function also has its own concurrency, so index updates never wait for
// analyses; here all routes share one small pool, so a full batch goes ahead of the queue (at most
// BATCHED_IN_FLIGHT at once, so the analyses keep the rest of the pool) and a partial one goes when
// nothing else is queued.

export interface Route {
  name: string;
  bucket: string;
  prefix: string;
  suffixes?: readonly string[];
  events: readonly ('ObjectCreated' | 'ObjectRemoved')[];
  handler: (event: S3Event) => Promise<unknown>;
  /** Deliver up to this many queued records of this route's name as one event (default 1). */
  batchSize?: number;
}

/**
 * One record's delivery. For a coalesced event whose handler returned one result per record (an
 * array in record order), `result` is that record's share as a one-element array, the same as the
 * handler returns for a one-record event; otherwise it is the handler's whole result. An error is
 * reported for every record of the event, as Lambda would retry them all.
 */
export interface Delivery {
  route: string;
  key: string;
  result?: unknown;
  error?: unknown;
}

// Lambda runs many events at once; a few in flight locally exercise the same races
// (concurrent index updates) without starving a 2-core machine.
const DEFAULT_CONCURRENCY = 4;
// Two batches in flight still race for the index (the conditional-write path runs as on AWS), and
// each takes every record queued meanwhile; more would mostly lose those races.
const BATCHED_IN_FLIGHT = 2;

interface Queued {
  route: Route;
  event: S3Event;
  key: string;
}

export class EventBridge {
  private readonly queue: Queued[] = [];
  private running = 0;
  private readonly batchesInFlight = new Map<string, number>();
  private idleWaiters: (() => void)[] = [];
  private readonly listeners: ((delivery: Delivery) => void)[] = [];

  constructor(
    private readonly routes: readonly Route[],
    private readonly concurrency = DEFAULT_CONCURRENCY,
  ) {}

  /** Called for every delivered event, with the handler's result or error. */
  onDelivery(listener: (delivery: Delivery) => void): void {
    this.listeners.push(listener);
  }

  /** Accepts one raw event from the embedded server. */
  publish(raw: S3Event): void {
    for (const record of raw.Records) {
      const key = record.s3.object.key;
      const kind = record.eventName.split(':')[0];
      for (const route of this.routes) {
        if (route.bucket !== record.s3.bucket.name || !key.startsWith(route.prefix)) continue;
        if (route.suffixes && !route.suffixes.some((suffix) => key.endsWith(suffix))) continue;
        if (!route.events.some((event) => event === kind)) continue;
        const encoded = structuredClone(record);
        encoded.s3.object.key = encodeEventKey(key);
        this.queue.push({ route, event: { Records: [encoded] }, key });
      }
    }
    this.pump();
  }

  /** Resolves once every published event, and every event those caused, has been handled. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.takeNext();
      if (!next) break;
      const name = next.route.name;
      const batched = next.route.batchSize !== undefined;
      const batch = [next, ...this.takeQueued(name, (next.route.batchSize ?? 1) - 1)];
      const event: S3Event = { Records: batch.flatMap((queued) => queued.event.Records) };
      this.running += 1;
      if (batched) this.batchesInFlight.set(name, (this.batchesInFlight.get(name) ?? 0) + 1);
      next.route
        .handler(event)
        .then(
          (result) => {
            const perRecord = Array.isArray(result) && result.length === batch.length;
            batch.forEach((queued, index) => {
              const share = perRecord ? [result[index]] : result;
              this.emit({ route: name, key: queued.key, result: share });
            });
          },
          (error: unknown) => {
            for (const queued of batch) this.emit({ route: name, key: queued.key, error });
          },
        )
        .finally(() => {
          this.running -= 1;
          if (batched) this.batchesInFlight.set(name, (this.batchesInFlight.get(name) ?? 1) - 1);
          this.pump();
          // Handlers' own writes publish new events synchronously before their promise settles,
          // so an empty queue here means the whole cascade is done.
          if (this.running === 0 && this.queue.length === 0) {
            for (const resolve of this.idleWaiters.splice(0)) resolve();
          }
        });
    }
  }

  // The oldest event of a batched route with room for another batch and a full batch waiting (or
  // nothing else to do), else the oldest event of an unbatched route; undefined when everything
  // queued has to wait for a batch to finish. Full batches keep the index rewrites few: a partial
  // one goes only when the pool would otherwise idle, like an SQS batching window running out.
  private takeNext(): Queued | undefined {
    const others = this.queue.some((queued) => queued.route.batchSize === undefined);
    const waiting = new Map<string, number>();
    for (const queued of this.queue) {
      waiting.set(queued.route.name, (waiting.get(queued.route.name) ?? 0) + 1);
    }
    const ready = (queued: Queued) =>
      queued.route.batchSize !== undefined &&
      (this.batchesInFlight.get(queued.route.name) ?? 0) < BATCHED_IN_FLIGHT &&
      (!others || (waiting.get(queued.route.name) ?? 0) >= queued.route.batchSize);
    let index = this.queue.findIndex(ready);
    if (index < 0) index = this.queue.findIndex((queued) => queued.route.batchSize === undefined);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  // Removes and returns up to `limit` queued events of the named route, oldest first.
  private takeQueued(routeName: string, limit: number): Queued[] {
    if (limit <= 0) return [];
    const taken: Queued[] = [];
    for (let index = 0; index < this.queue.length && taken.length < limit; ) {
      const queued = this.queue[index];
      if (queued?.route.name === routeName) {
        taken.push(queued);
        this.queue.splice(index, 1);
      } else {
        index += 1;
      }
    }
    return taken;
  }

  private emit(delivery: Delivery): void {
    for (const listener of this.listeners) listener(delivery);
  }
}
