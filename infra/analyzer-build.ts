// The analyser build id is computed where the local pipeline computes it too, so a bundle and a
// local run of the same sources stamp the same id (see functions/lib/analyzer-build.ts).
export { analyzerSourceHash } from '../functions/lib/analyzer-build.ts';
