import type { ChildBundles } from './children.ts';
import { runChild } from './children.ts';
import type { Figure } from './figures.ts';
import { MemoryS3 } from './memory-s3.ts';
import { serveS3Http } from './s3-http-front.ts';
import type { RequestCost } from './s3-request-child.ts';

// What an S3 request costs the function that sends it, in CPU: the functions' signed HTTP client as
// update-index sends it, beside the SDK's client and the same request unsigned through Node's http. The store is served from this process (the
// capped drop's S3 front over an in-memory store), so the child's CPU is the client's share alone.
// The capped drop over IPC stands its S3 in at tens of microseconds a request; this row says what
// that leaves out.

const REQUESTS = 4_000;
const BUCKET = 'bench';
// About a report or an index page.
const BODY = JSON.stringify({ schemaVersion: 1, quotes: [{ text: 'x'.repeat(1_000), score: 0.5 }] });

/**
 * CPU per GetObject, GetObject of a missing key and conditional PutObject, through the functions'
 * client, the SDK and plain HTTP, measured in a child process against a local server.
 *
 * @example
 * const { rows } = await s3RequestCost(await buildChildren())
 */
export async function s3RequestCost(children: ChildBundles): Promise<Figure> {
  const store = new MemoryS3();
  for (let n = 0; n < REQUESTS; n += 1) store.seed(BUCKET, `key-${n}`, BODY);
  const front = await serveS3Http(store.direct);
  try {
    const run = await runChild<RequestCost>(children.s3Requests, [front.endpoint, String(REQUESTS), BUCKET], {
      resultTimeoutMs: 120_000,
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    if (run.error || run.timedOut || run.results.length < 3)
      throw new Error(
        `Expected three request costs, got ${run.error ?? (run.timedOut ? 'a timeout' : run.results.length)}`,
      );
    const by = new Map(run.results.map((cost) => [cost.kind, cost]));
    const micros = (value: number | undefined) => `${Math.round(value ?? Number.NaN)} µs`;
    const line = (pick: (cost: RequestCost) => number) =>
      `GetObject ${micros(pick(by.get('get') as RequestCost))} · missing key ${micros(pick(by.get('missing') as RequestCost))} · conditional PutObject ${micros(pick(by.get('put') as RequestCost))}`;
    return {
      rows: [
        {
          figure: 'S3 request, CPU of the sending process (1 core)',
          quoteTone: `${line((cost) => cost.deployedMicros)} (the functions' ObjectStore over their signed HTTP client, as deployed)`,
          baselines: `@aws-sdk/client-s3 (the CLI's client, the functions' before): ${line((cost) => cost.sdkMicros)}; Node http, same requests unsigned: ${line((cost) => cost.httpMicros)}`,
          target: 'n/a (feeds the capped drop)',
          met: null,
        },
      ],
      data: { requests: REQUESTS, costs: run.results },
    };
  } finally {
    await front.close();
  }
}
