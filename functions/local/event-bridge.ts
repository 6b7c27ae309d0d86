import type { S3Event, S3EventRecord } from '../lib/s3-event.ts';
import { encodeEventKey } from '../lib/s3-event.ts';
import type { SqsBatchResponse, SqsEvent } from '../lib/sqs-event.ts';

// The embedded S3 server emits one event per write, with unencoded keys and no notification
// filters. The bridge gives each handler exactly what AWS would: only the events its notification
// configuration selects, with URL-encoded keys, one record per notification.
//
// A route with `queue` stands for an S3 -> SQS -> Lambda path, as update-index runs on AWS: each
// record becomes one message whose body is the S3 notification, messages are handed to the handler
// in batches of up to `batchSize` (an SQS event), and the handler's partial batch response decides
// their fate: a message in `batchItemFailures` (or every message, when the handler throws) is
// received again after a short wait, and after `maxReceiveCount` receives goes to the dead-letter
// list. So local tests exercise the same handler, event shape and failure path as AWS.
//
// On AWS each function has its own concurrency, so index updates never wait for analyses; here all
// routes share one small pool, so a full batch goes ahead of the queue (at most BATCHED_IN_FLIGHT at
// once, so the analyses keep the rest of the pool) and a partial one goes when nothing else is
// queued or when its oldest message has waited out the route's batching window, as on AWS.

export interface QueueOptions {
  /** Messages per handler invocation, at most (the event source mapping's BatchSize). */
  batchSize: number;
  /** Receives before a message goes to the dead-letter list (the redrive policy's maxReceiveCount). */
  maxReceiveCount: number;
  /** Wait before a failed message is received again (SQS: the visibility timeout). */
  retryDelayMs?: number;
  /**
   * How long the oldest message waits for a full batch while other events are queued (the event
   * source's MaximumBatchingWindowInSeconds); without it, a partial batch waits for the queue.
   */
  batchWindowMs?: number;
}

export interface Route {
  name: string;
  bucket: string;
  prefix: string;
  suffixes?: readonly string[];
  events: readonly ('ObjectCreated' | 'ObjectRemoved')[];
  /** Gets an S3 event of one record, or, for a queued route, an SQS event of up to batchSize messages. */
  handler: (event: S3Event | SqsEvent) => Promise<unknown>;
  queue?: QueueOptions;
}

/**
 * One record's delivery: its handler's result (for a queued route, the outcome the handler
 * reported for this record, as a one-element array, when it reports `outcomes`), or its error. A
 * queued record is reported once, when it is done: handled, or dead-lettered after its last receive.
 */
export interface Delivery {
  route: string;
  key: string;
  result?: unknown;
  error?: unknown;
}

/** A message that exhausted its receives: what the dead-letter queue would hold. */
export interface DeadLetter {
  route: string;
  key: string;
  body: string;
  receives: number;
  error: unknown;
}

// Lambda runs many events at once; a few in flight locally exercise the same races
// (concurrent index updates) without starving a 2-core machine.
const DEFAULT_CONCURRENCY = 4;
// Two batches in flight still race for the index (the conditional-write path runs as on AWS), and
// each takes every record queued meanwhile; more would mostly lose those races.
const BATCHED_IN_FLIGHT = 2;
const DEFAULT_RETRY_DELAY_MS = 200;

interface Queued {
  route: Route;
  key: string;
  record: S3EventRecord;
  messageId: string;
  receives: number;
  /** When it (last) became receivable, for the batching window. */
  queuedAt: number;
}

export class EventBridge {
  private readonly queue: Queued[] = [];
  private running = 0;
  private waiting = 0;
  private nextMessageId = 1;
  private readonly batchesInFlight = new Map<string, number>();
  private windowTimer: NodeJS.Timeout | undefined;
  private windowDue = Number.POSITIVE_INFINITY;
  private idleWaiters: (() => void)[] = [];
  private readonly listeners: ((delivery: Delivery) => void)[] = [];
  /** Messages that failed every receive, oldest first. */
  readonly deadLetters: DeadLetter[] = [];

  constructor(
    private readonly routes: readonly Route[],
    private readonly concurrency = DEFAULT_CONCURRENCY,
  ) {}

  /** Called for every delivered record, with the handler's result or error. */
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
        this.queue.push({
          route,
          key,
          record: encoded,
          messageId: `message-${this.nextMessageId++}`,
          receives: 0,
          queuedAt: performance.now(),
        });
      }
    }
    this.pump();
  }

  /** Resolves once every published event, and every event those caused, has been handled. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.running === 0 && this.waiting === 0 && this.queue.length === 0;
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.takeNext();
      if (!next) break;
      const options = next.route.queue;
      const batch = options ? [next, ...this.takeQueued(next.route.name, options.batchSize - 1)] : [next];
      this.running += 1;
      if (options)
        this.batchesInFlight.set(next.route.name, (this.batchesInFlight.get(next.route.name) ?? 0) + 1);
      const delivered = options ? this.deliverMessages(next.route, options, batch) : this.deliverEvent(next);
      delivered.finally(() => {
        this.running -= 1;
        if (options)
          this.batchesInFlight.set(next.route.name, (this.batchesInFlight.get(next.route.name) ?? 1) - 1);
        this.pump();
        this.settle();
      });
    }
    this.armWindow();
  }

  // Handlers' own writes publish new events synchronously before their promise settles, so an
  // empty queue with nothing running or waiting means the whole cascade is done.
  private settle(): void {
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async deliverEvent(queued: Queued): Promise<void> {
    try {
      const result = await queued.route.handler({ Records: [queued.record] });
      this.emit({ route: queued.route.name, key: queued.key, result });
    } catch (error) {
      this.emit({ route: queued.route.name, key: queued.key, error });
    }
  }

  private async deliverMessages(route: Route, options: QueueOptions, batch: Queued[]): Promise<void> {
    for (const queued of batch) queued.receives += 1;
    const event: SqsEvent = {
      Records: batch.map((queued) => ({
        messageId: queued.messageId,
        body: JSON.stringify({ Records: [queued.record] }),
        attributes: { ApproximateReceiveCount: String(queued.receives) },
      })),
    };
    let failed: Set<string>;
    let failure: unknown;
    let outcomes: { key?: string }[] = [];
    try {
      const response = (await route.handler(event)) as Partial<SqsBatchResponse> & {
        outcomes?: { key?: string }[];
      };
      failed = new Set((response?.batchItemFailures ?? []).map((item) => item.itemIdentifier));
      outcomes = response?.outcomes ?? [];
      failure = new Error('The handler reported this message as failed (batchItemFailures).');
    } catch (error) {
      failed = new Set(batch.map((queued) => queued.messageId));
      failure = error;
    }
    for (const queued of batch) {
      if (!failed.has(queued.messageId)) {
        const outcome = outcomes.find((candidate) => candidate.key === queued.key);
        this.emit({ route: route.name, key: queued.key, result: outcome ? [outcome] : [] });
      } else if (queued.receives >= options.maxReceiveCount) {
        const body = JSON.stringify({ Records: [queued.record] });
        this.deadLetters.push({
          route: route.name,
          key: queued.key,
          body,
          receives: queued.receives,
          error: failure,
        });
        this.emit({ route: route.name, key: queued.key, error: failure });
      } else {
        this.redeliverLater(queued, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
      }
    }
  }

  // Like a visibility timeout: the failed message becomes receivable again after a while.
  private redeliverLater(queued: Queued, delayMs: number): void {
    this.waiting += 1;
    setTimeout(() => {
      this.waiting -= 1;
      queued.queuedAt = performance.now();
      this.queue.push(queued);
      this.pump();
      this.settle();
    }, delayMs);
  }

  // The oldest event of a queued route with room for another batch and a full batch waiting (or
  // nothing else to do), else the oldest event of a direct route; undefined when everything
  // queued has to wait for a batch to finish.
  private takeNext(): Queued | undefined {
    const others = this.queue.some((queued) => queued.route.queue === undefined);
    const waiting = new Map<string, number>();
    for (const queued of this.queue) {
      waiting.set(queued.route.name, (waiting.get(queued.route.name) ?? 0) + 1);
    }
    const now = performance.now();
    const ready = (queued: Queued) =>
      queued.route.queue !== undefined &&
      (this.batchesInFlight.get(queued.route.name) ?? 0) < BATCHED_IN_FLIGHT &&
      (!others ||
        (waiting.get(queued.route.name) ?? 0) >= queued.route.queue.batchSize ||
        now - queued.queuedAt >= (queued.route.queue.batchWindowMs ?? Number.POSITIVE_INFINITY));
    let index = this.queue.findIndex(ready);
    if (index < 0) index = this.queue.findIndex((queued) => queued.route.queue === undefined);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  // Pumps again when the oldest waiting message of a windowed route reaches its window, since no
  // event may arrive to do it (the analyses it waits behind can run for seconds). One whose window
  // has passed is waiting for a free slot, and the batch or event that frees it pumps.
  // Pump runs once per published event, so the timer is only replaced when the due time moves.
  private armWindow(): void {
    const now = performance.now();
    let due = Number.POSITIVE_INFINITY;
    for (const queued of this.queue) {
      const window = queued.route.queue?.batchWindowMs;
      if (window !== undefined && queued.queuedAt + window > now)
        due = Math.min(due, queued.queuedAt + window);
    }
    if (due === this.windowDue && this.windowTimer !== undefined) return;
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    this.windowDue = due;
    if (due === Number.POSITIVE_INFINITY) return;
    this.windowTimer = setTimeout(() => {
      this.windowTimer = undefined;
      this.windowDue = Number.POSITIVE_INFINITY;
      this.pump();
      this.settle();
    }, due - now);
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
