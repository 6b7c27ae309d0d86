#!/usr/bin/env node
// Runs a TypeScript script (eval, bench, fitting) with the same loader as the CLI.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node bin/run-ts.js SCRIPT.ts [ARGS...]');
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
const { pathToFileURL } = await import('node:url');
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(script).href);
