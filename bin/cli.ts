// `quote-tone COMMAND ...`: each command is a module in bin/commands exporting `summary`, `help`
// and `run(args)`, which resolves to the process exit code.

export interface Command {
  summary: string;
  help: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: () => import('./commands/analyze.ts'),
  score: () => import('./commands/score.ts'),
  drop: () => import('./commands/drop.ts'),
  start: () => import('./commands/start.ts'),
  report: () => import('./commands/report.ts'),
  replay: () => import('./commands/replay.ts'),
  reindex: () => import('./commands/reindex.ts'),
};

const USAGE = `Usage: quote-tone COMMAND [options]

Drop news articles into S3 and read back how every quoted statement in them sounds.

Commands:
COMMAND_LIST

Run "quote-tone COMMAND --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await usage());
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`quote-tone: unknown command "${name}".\n\n${await usage()}`);
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    console.error(`quote-tone ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function usage(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => `  ${name.padEnd(10)}${(await load()).summary}`),
  );
  return USAGE.replace('COMMAND_LIST', lines.join('\n'));
}
