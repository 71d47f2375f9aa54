import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { reportFormats, type ReportFormat } from '../run/format/index.js';

/** A parsed command line. */
export type Command =
  | { readonly kind: 'open'; readonly file: string; readonly seed?: number; readonly pauseOnFailure: boolean }
  | { readonly kind: 'run'; readonly file: string; readonly format: ReportFormat; readonly seed?: number }
  | { readonly kind: 'check'; readonly file: string }
  | { readonly kind: 'schema' }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

/** The parse result: a command, or what is wrong with the arguments. */
export type ParsedArgs = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

/** The bundled story scenario, opened when no file is given. */
export const storyScenario = fileURLToPath(new URL('../../scenarios/bigpond/03-smarthost-workaround.yaml', import.meta.url));

/** Usage text, printed by --help and after argument errors. */
export const usage = `Usage:
  egress-sim [SCENARIO]                 open the TUI (the text report when not on a terminal);
                                        without SCENARIO, the bundled BigPond story (step 3)
  egress-sim run SCENARIO [--format text|json|markdown] [--seed N]
  egress-sim check SCENARIO             validate a scenario file
  egress-sim schema                     print the scenario JSON Schema

Options:
  --format FORMAT      report format for run: text (default), json or markdown
  --seed N             override the scenario's seed (0 to 4294967295)
  --pause-on-failure   TUI: pause at each new kind of failure
  -h, --help           show this help
  -V, --version        show the version

Exit codes: 0 success; 1 an expectation failed; 2 unusable input.
`;

/** Parses argv (without node and the script). Never throws. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        seed: { type: 'string' },
        'pause-on-failure': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
  } catch (error) {
    return { ok: false, error: (error as Error).message.replace(/\. To specify a positional.*$/s, '') };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, command: { kind: 'help' } };
  if (values.version) return { ok: true, command: { kind: 'version' } };
  const seed = parseSeed(values.seed);
  if (seed === null) return { ok: false, error: `--seed takes a whole number from 0 to 4294967295, got "${values.seed}"` };
  const [verb, ...rest] = positionals;
  const one = (name: string): ParsedArgs | string => {
    if (rest.length === 0) return { ok: false, error: `${name} needs a scenario file` };
    if (rest.length > 1) return { ok: false, error: `${name} takes one scenario file, got ${rest.length}: ${rest.join(' ')}` };
    return rest[0]!;
  };
  const onlyFor = (option: string, allowed: string[]): ParsedArgs | undefined =>
    allowed.includes(verb ?? '') ? undefined : { ok: false, error: `${option} is for ${allowed.join(' and ')} only` };
  if (values.format !== undefined) {
    const wrong = onlyFor('--format', ['run']);
    if (wrong) return wrong;
  }
  switch (verb) {
    case undefined:
      return { ok: true, command: { kind: 'open', file: storyScenario, seed, pauseOnFailure: values['pause-on-failure'] } };
    case 'run': {
      const file = one('run');
      if (typeof file !== 'string') return file;
      const format = values.format ?? 'text';
      if (!(reportFormats as readonly string[]).includes(format)) return { ok: false, error: `--format must be text, json or markdown, got "${format}"` };
      return { ok: true, command: { kind: 'run', file, format: format as ReportFormat, seed } };
    }
    case 'check': {
      const file = one('check');
      return typeof file === 'string' ? { ok: true, command: { kind: 'check', file } } : file;
    }
    case 'schema':
      return rest.length === 0 ? { ok: true, command: { kind: 'schema' } } : { ok: false, error: 'schema takes no arguments' };
    default:
      if (rest.length > 0) return { ok: false, error: `unknown command "${verb}"` };
      return { ok: true, command: { kind: 'open', file: verb, seed, pauseOnFailure: values['pause-on-failure'] } };
  }
}

function parseSeed(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) return null;
  const seed = Number(text);
  return seed <= 4294967295 ? seed : null;
}
