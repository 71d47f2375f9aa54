import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { reportFormats, type ReportFormat } from '../run/format/index.js';
import type { ImportRequest } from './commands/import.js';
import { importOnlyOptions, parseImportArgs } from './import-args.js';

/** A parsed command line. */
export type Command =
  | { readonly kind: 'open'; readonly file: string; readonly seed?: number; readonly pauseOnFailure: boolean }
  | { readonly kind: 'run'; readonly file: string; readonly format: ReportFormat; readonly seed?: number }
  | { readonly kind: 'check'; readonly file: string }
  | { readonly kind: 'test'; readonly paths: readonly string[]; readonly junit?: string; readonly seed?: number }
  | { readonly kind: 'diff'; readonly before: string; readonly after: string; readonly format: ReportFormat; readonly seed?: number; readonly failOnRegression: boolean; readonly formatGiven: boolean }
  | { readonly kind: 'trace'; readonly file: string; readonly target: TraceTarget; readonly seed?: number }
  | { readonly kind: 'advise'; readonly file: string; readonly top: number; readonly write?: string; readonly seed?: number }
  | { readonly kind: 'import'; readonly request: ImportRequest }
  | { readonly kind: 'schema' }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

/** What `trace` follows: a message of the scenario's traffic, or a hypothetical one added to it. */
export type TraceTarget =
  | { readonly kind: 'message'; readonly id: string }
  | { readonly kind: 'hypothetical'; readonly at: string; readonly from: string; readonly to: readonly string[] };

/** The parse result: a command, or what is wrong with the arguments. */
export type ParsedArgs = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

/** The bundled story scenario, opened when no file is given. */
export const storyScenario = fileURLToPath(new URL('../../scenarios/bigpond/03-smarthost-workaround.yaml', import.meta.url));

/** Usage text, printed by --help and after argument errors. */
export const usage = `Usage:
  egress-sim [SCENARIO]                 open the TUI (the text report when not on a terminal);
                                        without SCENARIO, the bundled BigPond story (step 3)
  egress-sim run SCENARIO [--format text|json|markdown] [--seed N]
  egress-sim check SCENARIO             validate a scenario file, then lint it (no simulation)
  egress-sim test FILES_OR_DIRS... [--junit FILE] [--seed N]
                                        run scenarios and check their expectations
  egress-sim diff BEFORE AFTER [--format text|json|markdown] [--fail-on-regression] [--seed N]
                                        the same traffic through two scenarios: what changes
                                        (on a terminal without --format: both side by side)
  egress-sim trace SCENARIO MESSAGE_ID [--seed N]
  egress-sim trace SCENARIO --at TIME --from ADDR --to ADDR [--seed N]
                                        each attempt of one message, step by step
  egress-sim advise SCENARIO [--top N] [--write FILE] [--seed N]
                                        try candidate changes and rank them
  egress-sim import FORMAT LOG [-o traffic.yaml] [--strict] [--anonymise keep-domains|hide-domains]
                                        read a mail log (postfix, exchange or csv): what it holds
  egress-sim schema                     print the scenario JSON Schema

Options:
  --format FORMAT      report format for run and diff: text (default), json or markdown
  --fail-on-regression diff: exit 1 when any message is worse after
  --junit FILE         test: also write JUnit XML to FILE
  --at TIME            trace: when the hypothetical message is submitted (1h30m from the
                       start, 10:15 or 10:15:30 local time, or an ISO 8601 date and time)
  --from ADDR          trace: its sender
  --to ADDR            trace: a recipient (repeat for more)
  --top N              advise: how many of the best changes to print (default 3)
  --write FILE         advise: write the scenario with the best change applied to FILE
  -o, --output FILE    import: write the messages as a scenario's traffic to FILE
  --strict             import: refuse a log with any malformed line
  --anonymise MODE     import: pseudonyms for addresses (keep-domains or hide-domains)
  --anonymise-key KEY  import: the key of the pseudonyms (default: a fresh random one)
  --year N             import: year of classic syslog stamps (default: this year)
  --utc-offset OFFSET  import: offset of times without one, and of times shown (default Z)
  --seed N             override the scenario's seed (0 to 4294967295)
  --pause-on-failure   TUI: pause at each new kind of failure
  -h, --help           show this help
  -V, --version        show the version

Exit codes: 0 success; 1 an expectation failed, a lint error, or a regression; 2 unusable input.
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
        'fail-on-regression': { type: 'boolean', default: false },
        junit: { type: 'string' },
        at: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string', multiple: true },
        top: { type: 'string' },
        write: { type: 'string' },
        output: { type: 'string', short: 'o' },
        strict: { type: 'boolean' },
        anonymise: { type: 'string' },
        'anonymise-key': { type: 'string' },
        year: { type: 'string' },
        'utc-offset': { type: 'string' },
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
  const optionVerbs: readonly [string, unknown, string[]][] = [
    ['--format', values.format, ['run', 'diff']],
    ['--fail-on-regression', values['fail-on-regression'] || undefined, ['diff']],
    ['--junit', values.junit, ['test']],
    ['--at', values.at, ['trace']],
    ['--from', values.from, ['trace']],
    ['--to', values.to, ['trace']],
    ['--top', values.top, ['advise']],
    ['--write', values.write, ['advise']],
    ...importOnlyOptions.map((name): [string, unknown, string[]] => [`--${name}`, values[name], ['import']]),
  ];
  for (const [option, value, verbs] of optionVerbs) {
    const wrong = value === undefined ? undefined : onlyFor(option, verbs);
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
    case 'test':
      if (rest.length === 0) return { ok: false, error: 'test needs scenario files or directories' };
      return { ok: true, command: { kind: 'test', paths: rest, junit: values.junit, seed } };
    case 'diff': {
      if (rest.length !== 2) return { ok: false, error: `diff takes two scenario files, BEFORE and AFTER, got ${rest.length}` };
      const format = values.format ?? 'text';
      if (!(reportFormats as readonly string[]).includes(format)) return { ok: false, error: `--format must be text, json or markdown, got "${format}"` };
      return { ok: true, command: { kind: 'diff', before: rest[0]!, after: rest[1]!, format: format as ReportFormat, seed, failOnRegression: values['fail-on-regression'], formatGiven: values.format !== undefined } };
    }
    case 'trace':
      return parseTrace(rest, values, seed);
    case 'advise': {
      const file = one('advise');
      if (typeof file !== 'string') return file;
      const top = values.top === undefined ? 3 : /^[1-9]\d{0,2}$/.test(values.top) ? Number(values.top) : undefined;
      if (top === undefined) return { ok: false, error: `--top takes a whole number from 1 to 999, got "${values.top}"` };
      return { ok: true, command: { kind: 'advise', file, top, write: values.write, seed } };
    }
    case 'import': {
      const parsedImport = parseImportArgs(rest, values);
      return parsedImport.ok ? { ok: true, command: { kind: 'import', request: parsedImport.request } } : parsedImport;
    }
    case 'schema':
      return rest.length === 0 ? { ok: true, command: { kind: 'schema' } } : { ok: false, error: 'schema takes no arguments' };
    default:
      if (rest.length > 0) return { ok: false, error: `unknown command "${verb}"` };
      return { ok: true, command: { kind: 'open', file: verb, seed, pauseOnFailure: values['pause-on-failure'] } };
  }
}

function parseTrace(rest: readonly string[], values: { at?: string | undefined; from?: string | undefined; to?: string[] | undefined }, seed: number | undefined): ParsedArgs {
  const [file, id, ...extra] = rest;
  if (file === undefined) return { ok: false, error: 'trace needs a scenario file' };
  if (extra.length > 0) return { ok: false, error: `trace takes a scenario file and a message id, got also: ${extra.join(' ')}` };
  const hypothetical = values.at !== undefined || values.from !== undefined || values.to !== undefined;
  if (id !== undefined && hypothetical) return { ok: false, error: 'trace takes a message id or --at/--from/--to for a hypothetical message, not both' };
  if (id !== undefined) return { ok: true, command: { kind: 'trace', file, target: { kind: 'message', id }, seed } };
  if (!hypothetical) return { ok: false, error: 'trace needs a message id, or --at TIME --from ADDR --to ADDR for a hypothetical message' };
  if (values.at === undefined || values.from === undefined || values.to === undefined) return { ok: false, error: 'a hypothetical message needs all of --at, --from and --to' };
  return { ok: true, command: { kind: 'trace', file, target: { kind: 'hypothetical', at: values.at, from: values.from, to: values.to }, seed } };
}

function parseSeed(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) return null;
  const seed = Number(text);
  return seed <= 4294967295 ? seed : null;
}
