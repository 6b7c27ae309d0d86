// How update-index is fed, the same on AWS (infra/quote-tone-stack.ts: results bucket -> SQS ->
// Lambda) and locally (functions/local/pipeline.ts: the event bridge's queued route).

// Up to this many messages (one S3 record each) per invocation. A batch writes each file it touches
// once, however many of its records change that file: the manifest and the speaker list once per
// batch, a day's page once for all of the batch's articles of that day. In the index bench's drop
// of 10,000 articles over a year (`npm run bench -- --only index`, alternating runs), batches of
// 1,000 finished in 6.0 to 8.0 s against 9.9 to 12.1 s for batches of 100 (500: 7.3 to 9.8 s), with
// a third of the refused writes. The cost is per invocation: a full batch spread over a year of a
// 100,000-article store takes 2.1 to 2.7 s of CPU on a full core in process, and about 15 s more
// through the S3 SDK (some 19,000 requests: over 100 s at a 256 MB Lambda's share of a vCPU, under
// UPDATE_INDEX_TIMEOUT); its heap grows about 110 MB, garbage included.
// 1,000 S3 records (roughly 2 KB each as SQS messages) stay well inside Lambda's 6 MB payload.
export const INDEX_BATCH_SIZE = 1000;
// How long Lambda's poller gathers a batch before invoking with fewer: a bulk drop fills batches,
// a single article waits at most this long.
export const INDEX_BATCH_WINDOW_SECONDS = 1;
// At most this many update-index invocations at once (the event source's maximum concurrency):
// they all write the manifest, so more mostly lose conditional-write races.
export const INDEX_MAX_CONCURRENCY = 5;
// A message that fails this many receives goes to the dead-letter queue (an article whose report
// cannot be read, or a bug): five receives ride out throttling and transient S3 errors.
export const INDEX_MAX_RECEIVES = 5;
