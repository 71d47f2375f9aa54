import { createRequire } from 'node:module';
import { parseCommandLine, usage, type Command } from './args.js';
import { adviseCommand } from './commands/advise.js';
import { checkCommand } from './commands/check.js';
import { importCommand } from './commands/import.js';
import { diffCommand } from './commands/diff.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { testCommand } from './commands/test.js';
import { traceCommand } from './commands/trace.js';
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
    case 'import':
      return importCommand(command.request, io);
    case 'check':
      return checkCommand(command.file, io);
    case 'run':
      return runCommand(command.file, command.format, command.seed, io);
    case 'test':
      return testCommand(command.paths, command.junit, command.seed, io);
    case 'diff':
      if (io.interactive && !command.formatGiven && !command.failOnRegression) return (await import('./commands/compare.js')).compareCommand(command.before, command.after, command.seed, io);
      return diffCommand(command.before, command.after, command.format, command.seed, command.failOnRegression, io);
    case 'trace':
      return traceCommand(command.file, command.target, command.seed, io);
    case 'advise':
      return adviseCommand(command.file, command.top, command.write, command.seed, io);
    case 'open':
      if (!io.interactive) return runCommand(command.file, 'text', command.seed, io);
      return (await import('./commands/open.js')).openCommand(command.file, command.seed, command.pauseOnFailure, io);
  }
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}
