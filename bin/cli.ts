import { readFileSync } from 'node:fs';
import { describeError, isUsageError, USAGE_EXIT_CODE, usageMessage } from './cli-errors.ts';

// `quote-tone COMMAND ...`: each command is a module in bin/commands exporting `summary`, `help`,
// `options` (its parseArgs flags, so a test can check that the help lists every one) and
// `run(args)`, which resolves to the process exit code.

export interface Command {
  summary: string;
  help: string;
  /** Its parseArgs flags; the help test checks that `help` names each. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: () => import('./commands/analyze.ts'),
  score: () => import('./commands/score.ts'),
  drop: () => import('./commands/drop.ts'),
  start: () => import('./commands/start.ts'),
  report: () => import('./commands/report.ts'),
  remove: () => import('./commands/remove.ts'),
  reanalyse: () => import('./commands/reanalyse.ts'),
  replay: () => import('./commands/replay.ts'),
  reindex: () => import('./commands/reindex.ts'),
};

const USAGE = `Usage: quote-tone COMMAND [options]

Drop news articles into S3 and read back how every quoted statement in them sounds.

Commands:
COMMAND_LIST

Options:
  -V, --version  print the version.
  -h, --help     show this help.

Run "quote-tone COMMAND --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await usage());
    return name ? 0 : USAGE_EXIT_CODE;
  }
  if (name === '--version' || name === '-V') {
    console.log(packageVersion());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    // One line, as every usage mistake is: the commands it could have been, and where help is.
    const what = name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`;
    console.error(
      `quote-tone: ${what}; commands: ${Object.keys(COMMANDS).join(', ')} (see quote-tone --help)`,
    );
    return USAGE_EXIT_CODE;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (isUsageError(error)) {
      console.error(`quote-tone ${name}: ${usageMessage(error)} (see quote-tone ${name} --help)`);
      return USAGE_EXIT_CODE;
    }
    console.error(`quote-tone ${name}: ${describeError(error).message}`);
    return 1;
  }
}

/** The version in package.json, read at call time: the one thing `--version` must not get wrong. */
export function packageVersion(): string {
  const url = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

async function usage(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => `  ${name.padEnd(11)}${(await load()).summary}`),
  );
  return USAGE.replace('COMMAND_LIST', lines.join('\n'));
}
