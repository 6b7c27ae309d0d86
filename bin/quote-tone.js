#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `npx quote-tone` works right
// after `npm ci` with no build step.
// `natural` prints dotenv banners on import unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
