import { createRequire } from 'node:module';
import { parseCommandLine, usage, type Command } from './args.js';
import { checkCommand } from './commands/check.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { exitCodes, type CliIo } from './io.js';

/** Runs the command line; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.stderr(`egress-sim: error: ${parsed.error}\nTry 'egress-sim --help' for the commands and options.\n`);
    return exitCodes.usage;
  }
  return execute(parsed.command, io);
}

async function execute(command: Command, io: CliIo): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.stdout(usage);
      return exitCodes.ok;
    case 'version':
      io.stdout(`${packageVersion()}\n`);
      return exitCodes.ok;
    case 'schema':
      return schemaCommand(io);
    case 'check':
      return checkCommand(command.file, io);
    case 'run':
      return runCommand(command.file, command.format, command.seed, io);
    case 'open':
      if (!io.interactive) return runCommand(command.file, 'text', command.seed, io);
      return (await import('./commands/open.js')).openCommand(command.file, command.seed, command.pauseOnFailure, io);
  }
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}
