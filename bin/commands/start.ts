import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Outcome } from '../../functions/analyze-article/analyze-object.ts';
import { LOCAL_DASHBOARD_PORT, startDashboardServer } from '../../functions/local/dashboard-server.ts';
import type { Delivery } from '../../functions/local/event-bridge.ts';
import { LOCAL_S3_PORT, type LocalPipeline, startLocalPipeline } from '../../functions/local/pipeline.ts';
import type { Report } from '../../shared/report-schema.ts';
import { reportKey, UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import { articleFiles } from '../article-files.ts';
import { formatToneTable } from '../format-table.ts';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_STORE = join(REPO_ROOT, '.local', 's3');
const EXAMPLES = join(REPO_ROOT, 'examples');

export const summary = 'run the whole pipeline locally on an embedded S3 server (no AWS needed)';

export const help = `Usage: quote-tone start [--once] [--port N] [--dashboard-port N] [--dir DIR] [--no-examples] [--verbose]

Starts an embedded S3 server on 127.0.0.1 with the upload and results buckets, runs the same
Lambda handlers as on AWS for every article dropped under articles/, drops the example
articles, prints a tone table per article, serves the dashboard at a local URL it prints, and
keeps running until Ctrl-C.

Options:
  --once           process the examples, print their tables and exit.
  --port N         port of the embedded S3 server (default ${LOCAL_S3_PORT}).
  --dashboard-port N  port of the dashboard (default ${LOCAL_DASHBOARD_PORT}).
  --dir DIR        where the local buckets are kept between runs (default .local/s3).
  --no-examples    do not drop the examples.
  --verbose        show the handlers' JSON logs.`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      once: { type: 'boolean', default: false },
      port: { type: 'string', default: String(LOCAL_S3_PORT) },
      'dashboard-port': { type: 'string', default: String(LOCAL_DASHBOARD_PORT) },
      dir: { type: 'string', default: DEFAULT_STORE },
      'no-examples': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`expected --port 0-65535, got "${values.port}"`);

  const pipeline = await startLocalPipeline({ directory: values.dir, port, verbose: values.verbose });
  let failures = 0;
  // Printing a skipped article reads its stored report, so it can outlast the delivery itself.
  const printing = new Set<Promise<void>>();
  pipeline.bridge.onDelivery((delivery) => {
    const printed = printDelivery(pipeline, delivery).then((ok) => {
      if (!ok) failures += 1;
      printing.delete(printed);
    });
    printing.add(printed);
  });

  if (!values['no-examples']) {
    const { files } = await articleFiles([EXAMPLES]);
    for (const file of files) {
      await pipeline.store.put(
        pipeline.uploadBucket,
        `${UPLOAD_PREFIX}${file.name}`,
        await readFile(file.path),
      );
    }
    await pipeline.bridge.idle();
    await Promise.all(printing);
  }

  if (values.once) {
    await pipeline.close();
    console.log(
      `Reports are in the local results bucket ${pipeline.resultsBucket} (kept in ${values.dir}).\n` +
        'List them with "npx quote-tone report"; "npm start" serves them on the dashboard.',
    );
    return failures ? 1 : 0;
  }
  const dashboard = await startDashboardServer({
    store: pipeline.store,
    resultsBucket: pipeline.resultsBucket,
    port: Number(values['dashboard-port']),
  }).catch(async (error: unknown) => {
    // Stop the S3 server too, or it would keep the process alive after the error.
    await pipeline.close();
    throw new Error(`could not serve the dashboard (${String(error)}); try --dashboard-port 0`);
  });
  console.log(`Local pipeline running. S3 endpoint: ${pipeline.endpoint}
Dashboard: ${dashboard.url}
Drop more articles:
  npx quote-tone drop FILE|DIR...
  aws --endpoint-url ${pipeline.endpoint} s3 cp FILE s3://${pipeline.uploadBucket}/${UPLOAD_PREFIX}   (credentials S3RVER/S3RVER)
Results bucket: ${pipeline.resultsBucket} (kept in ${values.dir}). Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await dashboard.close();
  await pipeline.close();
  return 0;
}

async function printDelivery(pipeline: LocalPipeline, delivery: Delivery): Promise<boolean> {
  if (delivery.route !== 'analyze-article') return delivery.error === undefined;
  if (delivery.error !== undefined) {
    console.error(`${delivery.key}: failed: ${String(delivery.error)}`);
    return false;
  }
  for (const outcome of delivery.result as Outcome[]) {
    if (outcome.status === 'analysed') console.log(formatToneTable(outcome.report));
    if (outcome.status === 'refused')
      console.error(`${outcome.key}: refused (${outcome.code}): ${outcome.reason}\n`);
    if (outcome.status === 'removed') console.log(`${outcome.key}: removed, with its report\n`);
    if (outcome.status === 'skipped' && outcome.reason === 'duplicate') {
      const stored = await pipeline.store.getJson<Report>(
        pipeline.resultsBucket,
        reportKey(outcome.articleId),
      );
      if (stored) console.log(`${formatToneTable(stored.value)}  (unchanged since the last run)\n`);
    }
    if (outcome.status === 'refused') return false;
  }
  return true;
}
