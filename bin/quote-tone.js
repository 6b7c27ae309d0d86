#!/usr/bin/env -S node --openssl-legacy-provider
// --openssl-legacy-provider: the embedded S3 server signs list continuation tokens with DES
// (legacy-openssl.js re-runs the commands that need it when node was started without it).
// The CLI is written in TypeScript; tsx compiles it on the fly (or compiled-cli.js once, for
// `score`) so `npx quote-tone` works right after `npm ci` with no build step.
// `natural` prints dotenv banners on import unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
// quote-tone supports Node 20 (engines); the AWS SDK's notice about its future Node 22 floor is
// noise for every command here, and the lockfile pins an SDK that runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A reader that stops early (`quote-tone score big.jsonl | head`) closes the pipe: that ends the
// command quietly, as it ends other command-line tools, not with an EPIPE stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const argv = process.argv.slice(2);
// The shebang passes --openssl-legacy-provider; `node bin/quote-tone.js start` does not.
const legacyOpenssl = await import('./legacy-openssl.js');
if (legacyOpenssl.needsLegacyOpenssl(argv[0])) {
  process.exitCode = await legacyOpenssl.rerunWithLegacyOpenssl();
} else {
  // `score` is run on files of 100k+ lines and in loops: it starts from a compiled copy
  // (compiled-cli.js) rather than paying tsx's start-up each time.
  const main = (argv[0] === 'score' && (await loadCompiled())) || (await loadThroughTsx());
  process.exitCode = await main(argv);
}

async function loadCompiled() {
  const { loadCompiledMain } = await import('./compiled-cli.js');
  return loadCompiledMain();
}

async function loadThroughTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./cli.ts')).main;
}
