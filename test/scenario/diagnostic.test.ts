import { describe, expect, it } from 'vitest';
import { formatPath, sortDiagnostics, toPathSegments, type Diagnostic } from '../../src/scenario/diagnostic.js';

function diag(line: number, column: number, message: string): Diagnostic {
  return { file: 'f.yaml', line, column, path: [], message, severity: 'error' };
}

describe('formatPath', () => {
  it('names the whole document (root)', () => {
    expect(formatPath([])).toBe('(root)');
  });

  it('joins identifier keys with dots and indexes with brackets', () => {
    expect(formatPath(['links', 1, 'address'])).toBe('links[1].address');
    expect(formatPath(['firewall', 'policy_routes', 0, 'via'])).toBe('firewall.policy_routes[0].via');
    expect(formatPath([0, 'name'])).toBe('[0].name');
  });

  it('keeps hyphenated names bare', () => {
    expect(formatPath(['receivers', 'postfix-strict'])).toBe('receivers.postfix-strict');
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['dns', '203.0.113.10'])).toBe('dns["203.0.113.10"]');
    expect(formatPath(['dns', 'example.com.au', 'MX'])).toBe('dns["example.com.au"].MX');
    expect(formatPath(['a', '10'])).toBe('a["10"]');
    expect(formatPath(['a', ''])).toBe('a[""]');
    expect(formatPath(['a b'])).toBe('["a b"]');
    expect(formatPath(['say "hi"'])).toBe('["say \\"hi\\""]');
  });
});

describe('sortDiagnostics', () => {
  it('orders by line, column, then message without touching its input', () => {
    const input = [diag(3, 1, 'b'), diag(1, 9, 'z'), diag(3, 1, 'a'), diag(1, 2, 'y'), diag(2, 5, 'x')];
    const sorted = sortDiagnostics(input);
    expect(sorted.map((d) => `${d.line}:${d.column}:${d.message}`)).toEqual(['1:2:y', '1:9:z', '2:5:x', '3:1:a', '3:1:b']);
    expect(input[0]?.message).toBe('b');
  });
});

describe('toPathSegments', () => {
  it('keeps strings and numbers and stringifies symbols', () => {
    expect(toPathSegments(['a', 0, Symbol('s')])).toEqual(['a', 0, 'Symbol(s)']);
  });
});
