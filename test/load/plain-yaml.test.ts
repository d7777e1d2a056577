/**
 * The js-yaml fast path of the loader (generator/load/plain-yaml.ts) must build exactly the value
 * `yaml` builds, and must leave to `yaml` every document where the two could differ.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { loadPlainYaml } from '../../generator/load/plain-yaml';

const ROOT = join(__dirname, '..', '..');

/** What the loader built before the fast path: `yaml`'s value, or `'error'`. */
function viaYaml(text: string): unknown {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: true, merge: true });
  if (doc.errors.length > 0) return 'error';
  try {
    return doc.toJS();
  } catch {
    return 'error';
  }
}

/**
 * Where two parsed values first differ (own keys in order, property flags, prototypes, scalars by
 * `Object.is`), or `undefined` when they are the same.
 */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? undefined : `${path || '/'}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path || '/'}: different prototypes`;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.join('\0') !== keysB.join('\0')) return `${path || '/'}: keys ${keysA.map(String).join(',')} vs ${keysB.map(String).join(',')}`;
  for (const key of keysA) {
    const da = Object.getOwnPropertyDescriptor(a, key) as PropertyDescriptor;
    const db = Object.getOwnPropertyDescriptor(b, key) as PropertyDescriptor;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable) return `${path}/${String(key)}: different property flags`;
    const inner = firstDifference(da.value, db.value, `${path}/${String(key)}`);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

describe('plain YAML fast path', () => {
  const fast: [string, string][] = [
    ['core-schema scalars', 'a: 0o17\nb: 0x1F\nc: 1_000\nd: +12\ne: -.5e-3\nf: .inf\ng: -.Inf\nh: .NaN\ni: ~\nj: Null\nk: TRUE\nl: yes\nm: 2001-12-14\nn: 12:30:00\no: 0777\np: 12345678901234567890\nq: 1e3\nr: 0b1\n'],
    ['quoted strings and escapes', 's: "\\u00e9\\x41\\/\\t\\U0001F600"\nt: \'it\'\'s\'\nu: "a\n  b"\n'],
    ['block scalars', 'lit: |\n  a\n  b\n\nfold: >-\n  a\n  b\nkeep: |+\n  x\n\n'],
    ['multi-line plain scalars', 'x: a\n  b\n\n  c\n'],
    ['flow collections', 'x: [a, b, ]\ny: {a: 1, b}\nz: [{c: [1, 2]}]\n'],
    ['numeric and boolean keys', '200: ok\n1e3: x\n0x1F: y\ntrue: t\n-0: v\n'],
    ['a __proto__ key', '__proto__: {polluted: 1}\n'],
    ['comments and a document start marker', '---\n# c\na: 1 # d\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['anchors and aliases', 'a: &x [1, {q: 2}]\nb: *x\nc: &s str\nd: *s\ne: &x [3]\nf: *x\n'],
    ['large numbers a double still holds', 'a: 1.7e308\nb: 123456789012345678901234567890\nc: 0x1FFFFFFFFFFFFFFFFFFFF\n1e300: k\n'],
    ['an implicit key of 1,024 characters', `${'k'.repeat(1024)}: 1\n`],
    ['an anchor referred to 99 times', `a: &x [1]\n${Array.from({ length: 99 }, (_, i) => `b${i}: *x\n`).join('')}`],
  ];
  it.each(fast)('builds what yaml builds: %s', (_name, text) => {
    const plain = loadPlainYaml(text);
    expect(plain).toBeDefined();
    expect(firstDifference(plain?.value, viaYaml(text))).toBeUndefined();
  });

  it('shares an aliased node as yaml does', () => {
    const value = loadPlainYaml('a: &x [1, {q: 2}]\nb: *x\n')?.value as { a: unknown; b: unknown };
    expect(value.b).toBe(value.a);
  });

  const toYaml: [string, string][] = [
    ['a number too large for a double', 'a: 1e309\n'],
    ['a negative one, an integer and a hexadecimal one', `a: -1e400\nb: ${'9'.repeat(400)}\nc: 0x${'F'.repeat(300)}\n`],
    ['a key too large for a double', '1e400: k\n'],
    ['an implicit key over 1,024 characters', `${'k'.repeat(1025)}: 1\n`],
    ['a quoted key over 1,024 characters', `"${'k'.repeat(1025)}": 1\n`],
    ['bare CR line ends', 'a: 1\rb: 2\r'],
    ['an anchor without a space before a flow mapping', 'a: &x{b: 1}\nc: *x\n'],
    ['two document end markers', 'a: 1\n...\n...\n'],
    ['a root that is not a mapping', '- a\n- b\n'],
    ['a root scalar after a tab', '\tk1\n'],
    ['an alias of a node with an alias inside', 'a: &x [1]\nb: &y [*x, *x]\nc: *y\n'],
    ['an anchor referred to 100 times', `a: &x [1]\n${Array.from({ length: 100 }, (_, i) => `b${i}: *x\n`).join('')}`],
    ['a billion laughs', 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\n'],
    ['an alias inside its own anchor', 'a: &x [1, *x]\n'],
    ['an alias of no anchor', 'a: *nowhere\n'],
    ['an alias as a key', 'a: &k key\n*k : 1\n'],
    ['a merge key', '<<: {a: 1}\nb: 2\n'],
    ['an explicit tag', 'a: !!float 1\n'],
    ['a custom tag', 'a: !custom x\n'],
    ['a %YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['a null key', '~: 1\nnull: 2\n'],
    ['an empty key', ': 1\n'],
    ['a collection key', '? [a, b]\n: 1\n'],
    ['two documents', '---\na: 1\n---\nb: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: b: c\n'],
    ['a tab indent', 'x:\n\t- a\n'],
    ['an empty source', ''],
  ];
  it('tells a difference apart', () => {
    expect(firstDifference({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe('/a/1/b: x vs y');
    expect(firstDifference({ a: 1, b: 2 }, { b: 2, a: 1 })).toMatch(/keys/);
    expect(firstDifference({ a: NaN }, { a: NaN })).toBeUndefined();
  });

  it.each(toYaml)('leaves to yaml: %s', (_name, text) => {
    expect(loadPlainYaml(text)).toBeUndefined();
  });

  // Every YAML spec at hand: the repository's, and the corpus sources when installed.
  const yamlFiles = (dir: string, depth = 0): string[] => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries.flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return depth > 12 || (e.name === 'node_modules' && depth > 0 && !path.includes('corpus')) || e.name.startsWith('.') ? [] : yamlFiles(path, depth + 1);
      return /\.ya?ml$/.test(e.name) && statSync(path).size < 8_000_000 ? [path] : [];
    });
  };
  const files = [...yamlFiles(join(ROOT, 'spec')), ...yamlFiles(join(ROOT, 'test')), ...yamlFiles(join(ROOT, 'scripts', 'corpus'))];

  it('builds what yaml builds for every YAML spec of the repository and the corpus', () => {
    expect(files.length).toBeGreaterThan(50);
    let taken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const plain = loadPlainYaml(text);
      if (plain === undefined) continue;
      taken++;
      const expected = viaYaml(text);
      if (expected === 'error') throw new Error(`${file}: the fast path accepted what yaml refuses`);
      expect({ file, difference: firstDifference(plain.value, expected) }).toEqual({ file, difference: undefined });
    }
    // Most specs are plain YAML; the embedded default one is.
    expect(taken).toBeGreaterThan(files.length / 2);
    expect(loadPlainYaml(readFileSync(join(ROOT, 'spec', 'shell-ev.yaml'), 'utf8'))).toBeDefined();
  });
});
