import type { AnonymiseMode } from '../import/anonymise.js';
import { importFormats, type ImportFormat } from '../import/importer.js';
import type { ImportRequest } from './commands/import.js';

/** The import command's options as parseArgs gives them. */
export interface ImportOptionValues {
  readonly output?: string | undefined;
  readonly strict?: boolean | undefined;
  readonly anonymise?: string | undefined;
  readonly 'anonymise-key'?: string | undefined;
  readonly year?: string | undefined;
  readonly 'utc-offset'?: string | undefined;
}

/** Options only `import` takes, for the "is for import only" check. */
export const importOnlyOptions = ['output', 'strict', 'anonymise', 'anonymise-key', 'year', 'utc-offset'] as const;

/** `import FORMAT LOG [options]` into a request, or what is wrong with it. */
export function parseImportArgs(rest: readonly string[], values: ImportOptionValues): { ok: true; request: ImportRequest } | { ok: false; error: string } {
  const [format, file, ...extra] = rest;
  if (format === undefined || file === undefined) return { ok: false, error: `import needs a format (${importFormats.join(', ')}) and a log file` };
  if (extra.length > 0) return { ok: false, error: `import takes a format and one log file, got also: ${extra.join(' ')}` };
  if (!(importFormats as readonly string[]).includes(format)) return { ok: false, error: `import format must be ${importFormats.join(', ')}, got "${format}"` };
  const anonymise = values.anonymise;
  if (anonymise !== undefined && anonymise !== 'keep-domains' && anonymise !== 'hide-domains') return { ok: false, error: `--anonymise must be keep-domains or hide-domains, got "${anonymise}"` };
  if (values['anonymise-key'] !== undefined && anonymise === undefined) return { ok: false, error: '--anonymise-key goes with --anonymise' };
  const year = values.year === undefined ? undefined : /^\d{4}$/.test(values.year) ? Number(values.year) : null;
  if (year === null) return { ok: false, error: `--year takes a four-digit year, got "${values.year}"` };
  const offsetMinutes = parseOffset(values['utc-offset'] ?? 'Z');
  if (offsetMinutes === undefined) return { ok: false, error: `--utc-offset takes an offset like +11:00, -05:00 or Z, got "${values['utc-offset']}"` };
  return {
    ok: true,
    request: {
      format: format as ImportFormat, file, strict: values.strict === true, offsetMinutes,
      ...(values.output === undefined ? {} : { output: values.output }),
      ...(anonymise === undefined ? {} : { anonymise: anonymise as AnonymiseMode }),
      ...(values['anonymise-key'] === undefined ? {} : { anonymiseKey: values['anonymise-key'] }),
      ...(year === undefined ? {} : { year }),
    },
  };
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'UTC') return 0;
  const match = /^([+-])(\d\d):?(\d\d)$/.exec(text);
  if (!match || Number(match[2]) > 14 || Number(match[3]) > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
