import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/scenario/diagnostic.js';
import { formatDiagnostic, formatDiagnostics } from '../../src/scenario/format-diagnostic.js';

const source = [
  'name: demo',
  'firewall:',
  '  policy_routes:',
  '    - { name: X3, via: X9 }',
].join('\n');

function diag(extra: Partial<Diagnostic>): Diagnostic {
  return {
    file: 'site.yaml',
    line: 4,
    column: 24,
    path: ['firewall', 'policy_routes', 0, 'via'],
    message: 'no link named "X9"',
    severity: 'error',
    ...extra,
  };
}

describe('formatDiagnostic', () => {
  it('prints the header, the source line and carets spanning the culprit', () => {
    expect(formatDiagnostic(diag({ length: 2 }), source)).toBe(
      [
        'site.yaml:4:24: error: firewall.policy_routes[0].via: no link named "X9"',
        '  4 |     - { name: X3, via: X9 }',
        '    |                        ^^',
      ].join('\n'),
    );
  });

  it('uses one caret when no length is given', () => {
    const out = formatDiagnostic(diag({}), source).split('\n');
    expect(out[2]).toBe('    |                        ^');
  });

  it('widens the gutter for long line numbers', () => {
    const text = `${'\n'.repeat(11)}  - { name: X3, via: X9 }`;
    const out = formatDiagnostic(diag({ line: 12, column: 22, length: 2 }), text);
    expect(out.split('\n').slice(1)).toEqual(['  12 |   - { name: X3, via: X9 }', '     |                      ^^']);
  });

  it('expands tabs in both the source and the caret line', () => {
    const out = formatDiagnostic(diag({ line: 1, column: 4, length: 3, path: ['a'] }), 'a:\tbad # note');
    expect(out.split('\n').slice(1)).toEqual(['  1 | a:  bad # note', '    |     ^^^']);
  });

  it('clips carets at the end of the line and marks a position past it', () => {
    expect(formatDiagnostic(diag({ line: 1, column: 7, length: 50 }), 'name: demo').split('\n')[2]).toBe('    |       ^^^^');
    expect(formatDiagnostic(diag({ line: 1, column: 40 }), 'name: demo').split('\n')[2]).toBe('    |           ^');
  });

  it('drops a trailing carriage return and masks control characters', () => {
    const out = formatDiagnostic(diag({ line: 1, column: 1 }), 'a\u001b[31m: 1\r\nb: 2');
    expect(out.split('\n')[1]).toBe('  1 | a\u2400[31m: 1');
  });

  it('prints only the header when the line is beyond the end of the text', () => {
    expect(formatDiagnostic(diag({ line: 99, column: 1 }), source)).toBe(
      'site.yaml:99:1: error: firewall.policy_routes[0].via: no link named "X9"',
    );
  });

  it('shows an empty line without trailing spaces', () => {
    expect(formatDiagnostic(diag({ line: 1, column: 1, path: [], message: 'the scenario is empty' }), '')).toBe(
      ['site.yaml:1:1: error: (root): the scenario is empty', '  1 |', '    | ^'].join('\n'),
    );
  });
});

describe('formatDiagnostics', () => {
  it('joins the diagnostics and ends with an error count', () => {
    const out = formatDiagnostics([diag({ line: 1, column: 1, path: ['name'] }), diag({ length: 2 })], source);
    const lines = out.split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('site.yaml:1:1: error: name: no link named "X9"');
    expect(lines[3]).toBe('site.yaml:4:24: error: firewall.policy_routes[0].via: no link named "X9"');
    expect(lines[6]).toBe('2 errors in site.yaml');
    expect(out.endsWith('\n')).toBe(true);
  });

  it('counts warnings separately and in the singular', () => {
    const out = formatDiagnostics([diag({}), diag({ severity: 'warning' }), diag({ severity: 'warning' })], source);
    expect(out).toContain('site.yaml:4:24: warning: ');
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 error and 2 warnings in site.yaml');
    expect(formatDiagnostics([diag({ severity: 'warning' })], source).trimEnd().split('\n').at(-1)).toBe('1 warning in site.yaml');
  });

  it('returns nothing for no diagnostics', () => {
    expect(formatDiagnostics([], source)).toBe('');
  });
});
