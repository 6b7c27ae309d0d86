// The analyze function's HTML libraries (linkedom, Readability) as a bundle of their own beside
// the handler's, so that a cold start for a text article does not parse them
// (shared/clean/html-libraries.ts). The CDK stack builds it after the handler's bundle
// (infra/pipeline-function.ts) and the bench (bench/lambda-bundles.ts) the same way.

import * as path from 'node:path';

/** The file's name, beside the handler's index.mjs. */
export const HTML_LIBRARIES_FILE = 'html-libraries.cjs';

const ENTRY = path.join('functions', 'analyze-article', 'html-libraries-entry.ts');

/** What the handler's bundle defines so that it loads the file instead of bundling the libraries. */
export const HTML_LIBRARIES_DEFINE: Record<string, string> = {
  __QUOTE_TONE_HTML_LIBRARIES__: JSON.stringify(HTML_LIBRARIES_FILE),
};

/**
 * The esbuild command-line arguments that write the libraries' bundle into `outputDir`: CommonJS
 * (what a `require` of it expects), minified like the handler's, for the same Node.
 *
 * @example
 * execFileSync('node_modules/.bin/esbuild', htmlLibrariesBuildArgs(root, 'node24', out))
 */
export function htmlLibrariesBuildArgs(projectRoot: string, target: string, outputDir: string): string[] {
  return [
    path.join(projectRoot, ENTRY),
    '--bundle',
    '--platform=node',
    '--format=cjs',
    `--target=${target}`,
    '--minify',
    '--main-fields=module,main',
    `--outfile=${path.join(outputDir, HTML_LIBRARIES_FILE)}`,
    '--log-level=warning',
  ];
}
