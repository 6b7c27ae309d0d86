// One process that sends S3 requests the way update-index does (its ObjectStore over the functions'
// signed HTTP client, as deployed), through the SDK's client (as the CLI does, and the functions did
// before) and through Node's own http module unsigned, and prints the CPU each costs it per request:
// the client's side of the store's cost, which the capped drop's IPC leaves out.
import http from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import { embeddedSignedTransport, ObjectStore } from '../functions/lib/object-store.ts';
import { awsS3ClientConfig, SdkS3Transport } from '../functions/lib/sdk-s3-transport.ts';
import { forEachLimited, IO_CONCURRENCY } from '../functions/update-index/derived-files.ts';
import { frontClientConfig } from './s3-http-front.ts';

export type RequestKind = 'get' | 'missing' | 'put';

export interface RequestCost {
  kind: RequestKind;
  /** CPU of this process per request, in microseconds: the deployed client, the SDK's, plain HTTP. */
  deployedMicros: number;
  sdkMicros: number;
  httpMicros: number;
}

const WARM_UP = 1_000;
// About an index file: a speaker's day or a locator.
const PUT_BODY = JSON.stringify({ text: 'x'.repeat(1_500) });

// Written objects get keys of their own: the front refuses a conditional create of an existing key.
let written = 0;

async function main(): Promise<void> {
  // The parent seeds key-0 ... key-<count - 1> in `bucket` and nothing named missing-*.
  const [endpoint = '', countArg = '4000', bucket = ''] = process.argv.slice(2);
  const count = Number(countArg);
  // The functions' client (as objectStoreFromEnv builds it) and the SDK's as the CLI configures it
  // on AWS, each pointed at the parent's S3 front.
  const deployed = new ObjectStore(embeddedSignedTransport(endpoint));
  const sdk = new ObjectStore(
    new SdkS3Transport(new S3Client({ ...awsS3ClientConfig(), ...frontClientConfig(endpoint) })),
  );
  const { hostname, port } = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const plain = (method: string, key: string, body?: string) =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        { hostname, port, method, path: `/${bucket}/${key}`, agent },
        (response) => {
          response.on('data', () => {});
          response.on('end', resolve);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const through = (store: ObjectStore): Record<RequestKind, (n: number) => Promise<unknown>> => ({
    get: (n) => store.get(bucket, `key-${n}`),
    missing: (n) => store.get(bucket, `missing-${n}`),
    put: () => store.put(bucket, `written-${written++}`, PUT_BODY, { ifNoneMatch: '*' }),
  });
  const http1: Record<RequestKind, (n: number) => Promise<unknown>> = {
    get: (n) => plain('GET', `key-${n}`),
    missing: (n) => plain('GET', `missing-${n}`),
    put: () => plain('PUT', `written-${written++}`, PUT_BODY),
  };
  for (const kind of ['get', 'missing', 'put'] as const) {
    const micros = async (send: (n: number) => Promise<unknown>) => {
      await inFlight(WARM_UP, send);
      const cpu = process.cpuUsage();
      await inFlight(count, send);
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / count;
    };
    const cost: RequestCost = {
      kind,
      deployedMicros: await micros(through(deployed)[kind]),
      sdkMicros: await micros(through(sdk)[kind]),
      httpMicros: await micros(http1[kind]),
    };
    console.log(JSON.stringify(cost));
  }
  agent.destroy();
  deployed.transport.destroy();
  sdk.transport.destroy();
}

// As update-index sends them: IO_CONCURRENCY requests in flight.
function inFlight(count: number, send: (n: number) => Promise<unknown>): Promise<void> {
  const requests = Array.from({ length: count }, (_, n) => n);
  return forEachLimited(requests, IO_CONCURRENCY, async (n) => {
    await send(n);
  });
}

await main();
