// How update-index is fed, the same on AWS (infra/quote-tone-stack.ts: results bucket -> SQS ->
// Lambda) and locally (functions/local/pipeline.ts: the event bridge's queued route).

// Up to this many messages (one S3 record each) per invocation. One batch costs one write of the
// manifest and the speaker list however many records it holds, and a batch of 100 stays well
// within the 2 MB of index reads and writes measured for it (`npm run bench -- --only index`).
export const INDEX_BATCH_SIZE = 100;
// How long Lambda's poller gathers a batch before invoking with fewer: a bulk drop fills batches,
// a single article waits at most this long.
export const INDEX_BATCH_WINDOW_SECONDS = 1;
// At most this many update-index invocations at once (the event source's maximum concurrency):
// they all write the manifest, so more mostly lose conditional-write races.
export const INDEX_MAX_CONCURRENCY = 5;
// A message that fails this many receives goes to the dead-letter queue (an article whose report
// cannot be read, or a bug): five receives ride out throttling and transient S3 errors.
export const INDEX_MAX_RECEIVES = 5;
