import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalPipeline, startLocalPipeline } from '../../functions/local/pipeline.ts';

/**
 * A local pipeline on a free port over a throw-away directory. Handlers read their configuration
 * at import, so start one per test file (vitest runs each file in its own module graph).
 */
export async function startTestPipeline(): Promise<LocalPipeline & { dispose(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'quote-tone-test-'));
  const pipeline = await startLocalPipeline({ directory, port: 0 });
  return {
    ...pipeline,
    dispose: async () => {
      await pipeline.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
