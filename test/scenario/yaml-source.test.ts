import { describe, expect, it } from 'vitest';
import { parseYamlSource, type Locator } from '../../src/scenario/yaml-source.js';
import type { Diagnostic } from '../../src/scenario/diagnostic.js';

function problems(text: string): Diagnostic[] {
  const result = parseYamlSource(text, 's.yaml');
  if (result.ok) throw new Error('expected YAML problems');
  return result.diagnostics;
}

function locator(text: string): Locator {
  const result = parseYamlSource(text, 's.yaml');
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.locate;
}

const at = (d: Diagnostic | undefined) => d && `${d.line}:${d.column}`;

describe('parseYamlSource: values', () => {
  it('returns the plain value of block and flow YAML', () => {
    const result = parseYamlSource('name: x\nlinks:\n  - { name: X1, n: 2 }\n  - [a, b]\n', 's.yaml');
    expect(result.ok && result.value).toEqual({ name: 'x', links: [{ name: 'X1', n: 2 }, ['a', 'b']] });
  });

  it('expands aliases', () => {
    const result = parseYamlSource('a: &x { p: 1 }\nb: *x\n', 's.yaml');
    expect(result.ok && result.value).toEqual({ a: { p: 1 }, b: { p: 1 } });
  });

  it('keeps record keys that look like addresses as strings', () => {
    const result = parseYamlSource('dns:\n  203.0.113.10: { PTR: mail.example }\n', 's.yaml');
    expect(result.ok && result.value).toEqual({ dns: { '203.0.113.10': { PTR: 'mail.example' } } });
  });
});

describe('parseYamlSource: problems', () => {
  it('reports an empty or comment-only file as empty', () => {
    for (const text of ['', '   \n', '# just a comment\n']) {
      const [d] = problems(text);
      expect(d).toMatchObject({ file: 's.yaml', line: 1, column: 1, severity: 'error', path: [] });
      expect(d?.message).toMatch(/^the scenario is empty/);
    }
  });

  it('reports a duplicate key on the second occurrence, with the first line', () => {
    const ds = problems('name: a\nlinks: []\nseed: 1\nlinks: [x]\n');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 4, column: 1, length: 5, path: ['links'] });
    expect(ds[0]?.message).toBe(
      'duplicate key "links" (first written on line 2); each key may appear once in a mapping — remove or rename one',
    );
  });

  it('reports a duplicate key inside a nested flow mapping', () => {
    const ds = problems('links:\n  - { name: X1, name: X2 }\n');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 2, column: 17, length: 4, path: ['links', 0, 'name'] });
  });

  it('reports bad indentation where it happens', () => {
    const ds = problems('firewall:\n  mode: a\n members: [X1]\n');
    expect(ds.map(at)).toEqual(['3:1']);
    expect(ds[0]?.message).toMatch(/^bad indentation/);
  });

  it('points an unclosed flow mapping at its opening brace', () => {
    const ds = problems('links:\n  - { name: X1, via: X2\n  - b\n');
    expect(ds.map(at)).toEqual(['2:5']);
    expect(ds[0]?.message).toBe('this "{" is never closed; add "}" (or, if it goes on over several lines, indent them further)');
  });

  it('points an unclosed flow sequence inside a flow mapping at its bracket', () => {
    const ds = problems('a: {b: [1, 2}\n');
    expect(ds.map(at)).toEqual(['1:8']);
    expect(ds[0]?.message).toMatch(/^this "\[" is never closed; add "\]"/);
  });

  it('explains tabs used for indentation', () => {
    const ds = problems('a:\n\tb: 1\n');
    expect(ds.map(at)).toEqual(['2:1']);
    expect(ds[0]?.message).toMatch(/tab/);
  });

  it('explains an unclosed quote', () => {
    expect(problems('a: "abc\nb: 2\n')[0]?.message).toMatch(/quoted value is never closed/);
  });

  it('rejects several documents', () => {
    const ds = problems('a: 1\n---\nb: 2\n');
    expect(ds.map(at)).toEqual(['2:1']);
    expect(ds[0]?.message).toMatch(/more than one YAML document/);
  });

  it('reports one syntax error per line, however many the parser raises', () => {
    const ds = problems('- a\nb: 1\n');
    expect(ds.map(at)).toEqual(['2:1']);
  });

  it('reports unknown tags as errors', () => {
    const ds = problems('a: !foo 1\n');
    expect(ds.map(at)).toEqual(['1:4']);
    expect(ds[0]?.message).toMatch(/tag/);
  });

  it('reports an alias to an undefined anchor without throwing', () => {
    const ds = problems('a: 1\nb: *nope\n');
    expect(ds[0]).toMatchObject({ line: 2, column: 4, length: 5, path: ['b'] });
    expect(ds[0]?.message).toMatch(/unknown alias "\*nope"/);
  });

  it('reports a circular alias', () => {
    const ds = problems('self: &y [ *y ]\n');
    expect(ds[0]).toMatchObject({ line: 1, column: 12, path: ['self', 0] });
    expect(ds[0]?.message).toMatch(/circular/);
  });

  it('reports keys that are collections', () => {
    const ds = problems('? [a, b]\n: 1\n');
    expect(ds.map(at)).toEqual(['1:3']);
    expect(ds[0]?.message).toMatch(/plain name/);
  });

  it('reports nesting too deep to read instead of overflowing the stack', () => {
    const ds = problems(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    // Where the parser gives up depends on the stack size; that it says so does not.
    expect(ds).toHaveLength(1);
    expect(ds[0]?.line).toBe(1);
    expect(ds[0]?.message).toMatch(/nested too deeply/);
  });

  it('stops alias explosions', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10).fill(`*${'abcdefgh'[i - 1]}`).join(', ')}]`);
    const ds = problems(`${lines.join('\n')}\n`);
    expect(ds[0]?.message).toBe('too many alias expansions; write the values out instead');
  });
});

describe('locate', () => {
  const text = [
    'name: demo', //                                  1
    'links:', //                                      2
    '  - { name: X1, adress: 203.0.113.10 }', //      3
    '  - name: X2', //                                4
    '    address:', //                                5
    'firewall:', //                                   6
    '  policy_routes:', //                            7
    '    - via: X9', //                               8
    'dns:', //                                        9
    '  203.0.113.10: { PTR: "mail.example" }', //     10
    'base: &b { weight: 2 }', //                      11
    'copy: *b', //                                    12
  ].join('\n');
  const locate = locator(text);

  it('finds keys and values in a flow mapping inside a sequence', () => {
    expect(locate(['links', 0, 'adress'], 'key')).toEqual({ line: 3, column: 17, length: 6, found: true });
    expect(locate(['links', 0, 'adress'], 'value')).toEqual({ line: 3, column: 25, length: 12, found: true });
    expect(locate(['links', 0, 'adress'])).toEqual({ line: 3, column: 25, length: 12, found: true });
  });

  it('spans a flow mapping that fits on its line', () => {
    expect(locate(['links', 0])).toEqual({ line: 3, column: 5, length: 34, found: true });
  });

  it('shows a block mapping in a sequence at its first key', () => {
    expect(locate(['links', 1])).toEqual({ line: 4, column: 5, length: 4, found: true });
  });

  it('shows a block collection that is a value at its key', () => {
    expect(locate(['links'])).toEqual({ line: 2, column: 1, length: 5, found: true });
    expect(locate(['firewall', 'policy_routes'])).toEqual({ line: 7, column: 3, length: 13, found: true });
  });

  it('shows an empty value at its key', () => {
    expect(locate(['links', 1, 'address'])).toEqual({ line: 5, column: 5, length: 7, found: true });
  });

  it('includes the quotes of a quoted scalar', () => {
    expect(locate(['dns', '203.0.113.10', 'PTR'])).toEqual({ line: 10, column: 24, length: 14, found: true });
    expect(locate(['dns', '203.0.113.10'], 'key')).toEqual({ line: 10, column: 3, length: 12, found: true });
  });

  it('falls back to the deepest existing ancestor for a missing path', () => {
    expect(locate(['links', 0, 'address'])).toEqual({ line: 3, column: 5, length: 34, found: false });
    expect(locate(['links', 7, 'name'])).toEqual({ line: 2, column: 1, length: 5, found: false });
    expect(locate(['firewall', 'load_balancing', 'mode'])).toEqual({ line: 6, column: 1, length: 8, found: false });
    expect(locate(['name', 'deeper'])).toEqual({ line: 1, column: 7, length: 4, found: false });
  });

  it('shows the root mapping at its first key', () => {
    expect(locate([])).toEqual({ line: 1, column: 1, length: 4, found: true });
    expect(locate(['nothing'])).toEqual({ line: 1, column: 1, length: 4, found: false });
  });

  it('points at an alias, and into its anchor for paths below it', () => {
    expect(locate(['copy'])).toEqual({ line: 12, column: 7, length: 2, found: true });
    expect(locate(['copy', 'weight'])).toEqual({ line: 11, column: 20, length: 1, found: true });
  });

  it('locates in a scalar document', () => {
    const scalar = locator('just text\n');
    expect(scalar([])).toEqual({ line: 1, column: 1, length: 9, found: true });
    expect(scalar(['a'])).toEqual({ line: 1, column: 1, length: 9, found: false });
  });
});
