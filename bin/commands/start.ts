import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LOCAL_DASHBOARD_PORT, startDashboardServer } from '../../functions/local/dashboard-server.ts';
import {
  LOCAL_ADDRESS,
  LOCAL_S3_PORT,
  LocalStoreUnreadableError,
  startLocalPipeline,
} from '../../functions/local/pipeline.ts';
import { UPLOAD_PREFIX } from '../../shared/store/layout.ts';
import { articleFiles } from '../article-files.ts';
import { PipelineLog } from '../pipeline-log.ts';
import { checkPortFree, parsePort, portError } from '../ports.ts';
import { endpointFlag } from '../s3-target.ts';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_STORE = join(REPO_ROOT, '.local', 's3');
const EXAMPLES = join(REPO_ROOT, 'examples');

export const summary = 'run the whole pipeline locally on an embedded S3 server (no AWS needed)';

export const help = `Usage: quote-tone start [--once] [--port N] [--dashboard-port N] [--dir DIR] [--no-examples]
                       [--verbose] [--logs]

Starts an embedded S3 server on 127.0.0.1 with the upload and results buckets, runs the same
Lambda handlers as on AWS for every article dropped under articles/, drops the example
articles, prints one line per article (its id, quotes and mean tone, or why it was refused),
serves the dashboard at a local URL it prints, and keeps running until Ctrl-C, which prints a
summary (so does --once).

Options:
  --once              process the examples, print their lines and a summary, and exit.
  --port N            port of the embedded S3 server (default ${LOCAL_S3_PORT}; 0: any free port).
  --dashboard-port N  port of the dashboard (default ${LOCAL_DASHBOARD_PORT}; 0: any free port).
  --dir DIR           where the local buckets are kept between runs (default .local/s3).
  --no-examples       do not drop the examples.
  --verbose           print each article's full tone table instead of one line.
  --logs              show the handlers' JSON logs.
  -h, --help          show this help.

With npm, put the options after "--": npm start -- --port 4769`;

export const options = {
  once: { type: 'boolean', default: false },
  port: { type: 'string', default: String(LOCAL_S3_PORT) },
  'dashboard-port': { type: 'string', default: String(LOCAL_DASHBOARD_PORT) },
  dir: { type: 'string', default: DEFAULT_STORE },
  'no-examples': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  logs: { type: 'boolean', default: false },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options });
  const port = parsePort('--port', values.port);
  const dashboardPort = parsePort('--dashboard-port', values['dashboard-port']);

  await checkPortFree(LOCAL_ADDRESS, port, 'S3 server', '--port');
  const pipeline = await startLocalPipeline({ directory: values.dir, port, verbose: values.logs }).catch(
    (error: unknown) => {
      throw error instanceof LocalStoreUnreadableError
        ? error
        : portError(error, port, 'S3 server', '--port');
    },
  );
  const { metadata, checksums, damagedBodies } = pipeline.repaired;
  if (metadata.length + checksums.length + damagedBodies.length > 0) {
    console.log(
      `The last run on ${values.dir} was stopped without closing: repaired ${metadata.length} metadata ` +
        `and ${checksums.length} checksum files it left half-written` +
        (pipeline.reindexed
          ? `, and rebuilt the index (${damagedBodies.length} of its files were cut short) from ` +
            `${pipeline.reindexed.articles} results.`
          : '.'),
    );
  }
  if (pipeline.uncommitted.length > 0 && pipeline.reindexed) {
    console.log(
      `The last run was stopped between an index write and its commit record for ` +
        `${pipeline.uncommitted.length} article${pipeline.uncommitted.length === 1 ? '' : 's'}: ` +
        `rebuilt the index from ${pipeline.reindexed.articles} results.`,
    );
  }
  const { analysing, reanalysing, removing, reindexing, stoppedReanalyses } = pipeline.reconciled;
  if (analysing.length + reanalysing.length + removing.length + reindexing.length > 0) {
    console.log(
      `Resuming the last run: ${analysing.length} articles to analyse, ${reanalysing.length} to ` +
        `re-analyse (as "quote-tone reanalyse" asked), ${removing.length} to remove, ` +
        `${reindexing.length} results to index.`,
    );
  }
  for (const requestedAt of stoppedReanalyses) {
    console.log(
      `A "quote-tone reanalyse" asked at ${requestedAt} was stopped before it had copied every ` +
        'upload: run the same command again to finish; it picks up where it stopped.',
    );
  }
  const log = new PipelineLog(pipeline, values.verbose);
  log.follow();

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
    await log.settled();
  }

  if (values.once) {
    await pipeline.close();
    await log.settled();
    // The hint names the store this run used, quoted when a shell would split it.
    const dirArg = /[\s"'$]/.test(values.dir) ? JSON.stringify(values.dir) : values.dir;
    const dir = values.dir === DEFAULT_STORE ? '' : ` --dir ${dirArg}`;
    console.log(
      `${log.summary()}\nReports are in the local results bucket ${pipeline.resultsBucket} (kept in ${values.dir}).\n` +
        `List them with "npx quote-tone report${dir}" (statements: "npx quote-tone report --quotes${dir}"); "npm start" serves them on the dashboard.`,
    );
    return log.failures ? 1 : 0;
  }
  const dashboard = await startDashboardServer({
    store: pipeline.store,
    resultsBucket: pipeline.resultsBucket,
    port: dashboardPort,
  }).catch(async (error: unknown) => {
    // Stop the S3 server too, or it would keep the process alive after the error.
    await pipeline.close();
    throw portError(error, dashboardPort, 'dashboard', '--dashboard-port');
  });
  const endpoint = endpointFlag(pipeline.endpoint);
  console.log(`Local pipeline running. S3 endpoint: ${pipeline.endpoint}
Dashboard: ${dashboard.url}
Drop more articles:
  npx quote-tone drop FILE|DIR...${endpoint}
  aws --endpoint-url ${pipeline.endpoint} s3 cp FILE s3://${pipeline.uploadBucket}/${UPLOAD_PREFIX}   (credentials S3RVER/S3RVER)
Read, remove or re-analyse them:
  npx quote-tone report${endpoint}   (--quotes for every statement)
  npx quote-tone remove KEY${endpoint}
  npx quote-tone reanalyse KEY|--all${endpoint}
Results bucket: ${pipeline.resultsBucket} (kept in ${values.dir}). Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await dashboard.close();
  await pipeline.close();
  await log.settled();
  console.log(`\n${log.summary()}`);
  return 0;
}
