import { encodeEventKey, type S3Event } from '../lib/s3-event.ts';

// The embedded S3 server emits one event per write, with unencoded keys and no notification
// filters. The bridge gives each handler exactly what AWS would: only the events its
// notification configuration selects, with URL-encoded keys.

export interface Route {
  name: string;
  bucket: string;
  prefix: string;
  suffixes?: readonly string[];
  events: readonly ('ObjectCreated' | 'ObjectRemoved')[];
  handler: (event: S3Event) => Promise<unknown>;
}

export interface Delivery {
  route: string;
  key: string;
  result?: unknown;
  error?: unknown;
}

// Lambda runs many events at once; a few in flight locally exercise the same races
// (concurrent index updates) without starving a 2-core machine.
const DEFAULT_CONCURRENCY = 4;

export class EventBridge {
  private readonly queue: { route: Route; event: S3Event; key: string }[] = [];
  private running = 0;
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
    while (this.running < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift();
      if (!next) break;
      this.running += 1;
      next.route
        .handler(next.event)
        .then(
          (result) => this.emit({ route: next.route.name, key: next.key, result }),
          (error: unknown) => this.emit({ route: next.route.name, key: next.key, error }),
        )
        .finally(() => {
          this.running -= 1;
          this.pump();
          // Handlers' own writes publish new events synchronously before their promise settles,
          // so an empty queue here means the whole cascade is done.
          if (this.running === 0 && this.queue.length === 0) {
            for (const resolve of this.idleWaiters.splice(0)) resolve();
          }
        });
    }
  }

  private emit(delivery: Delivery): void {
    for (const listener of this.listeners) listener(delivery);
  }
}
