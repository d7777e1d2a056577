/**
 * `tsString` and `pyString`: every spec text printed as a TypeScript or Python string literal must
 * read back as exactly that text (by JavaScript's and Python's own parsers), stay on one line
 * whatever it holds, and use the quote Prettier or ruff would. `tsTemplateLiteral` and
 * `pyTripleQuoted` (multi-line strings) must read back as their text and hold nothing but
 * printable ASCII and newlines.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { markdownBlock, markdownInline, proseLines, pyString, pyTripleQuoted, tsString, tsTemplateLiteral } from '../../generator/render/escape';

const VENV_PYTHON = join(__dirname, '..', '..', '.venv', 'bin', 'python');

/** What the literal evaluates to, by the JavaScript parser itself. */
function evaluate(literal: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(`return ${literal};`)() as unknown;
}

/** Characters that are escaped, plus some that are not, to mix into random strings. */
const ALPHABET = ['a', 'Z', '0', ' ', '$', '{', '`', "'", '"', '\\', '\n', '\r', '\t', '\0', '\x7f', '\x9f', '\u2028', '\u2029', '\ufeff', '\u200b', '\u202e', '\u2060', 'é', '😀', '\ud800', '*/', '${x}'];

/** Random strings over `ALPHABET`, the same ones on every run. */
function randomStrings(count: number): string[] {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let n = next(12); n > 0; n--) text += ALPHABET[next(ALPHABET.length)];
    out.push(text);
  }
  return out;
}

describe('tsString', () => {
  it.each([
    ['plain text', 'string', "'string'"],
    ['empty', '', "''"],
    ['a single quote', "it's", '"it\'s"'],
    ['more doubles than singles', 'say "hi" it\'s', "'say \"hi\" it\\'s'"],
    ['a backslash', 'a\\b', "'a\\\\b'"],
    ['line terminators', 'a\nb\rc\u2028d', "'a\\nb\\rc\\u2028d'"],
    ['a control character', 'a\x01b', "'a\\x01b'"],
    ['a byte order mark', '\ufeffx', "'\\ufeffx'"],
    ['a pattern', '^[a-z]+$', "'^[a-z]+$'"],
    ['non-ASCII text', 'Größe 😀', "'Größe 😀'"],
  ])('%s', (_name, text, literal) => {
    expect(tsString(text)).toBe(literal);
    expect(evaluate(literal)).toBe(text);
  });

  it('reads back as the text and stays on one line, for random strings', () => {
    for (const text of randomStrings(3000)) {
      const literal = tsString(text);
      expect(evaluate(literal)).toBe(text);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
      const singles = text.split("'").length - 1;
      const doubles = text.split('"').length - 1;
      expect(literal[0]).toBe(singles > doubles ? '"' : "'");
    }
  });
});

/** Python's reading of each literal (`ast.literal_eval`), through JSON. */
function pythonReads(literals: readonly string[]): string[] {
  const python = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
  const script = 'import ast, json, sys\nprint(json.dumps([ast.literal_eval(s) for s in json.load(sys.stdin)]))';
  return JSON.parse(execFileSync(python, ['-c', script], { input: JSON.stringify(literals) }).toString()) as string[];
}

describe('pyString', () => {
  it.each([
    ['plain text', 'string', '"string"'],
    ['a single quote', "it's", '"it\'s"'],
    ['a double quote', 'say "hi"', '\'say "hi"\''],
    ['a backslash', 'a\\b', '"a\\\\b"'],
    ['line terminators', 'a\nb\u0085c', '"a\\nb\\x85c"'],
    ['an invisible character', 'a\u2060b', '"a\\u2060b"'],
    ['non-ASCII text', 'Größe 😀', '"Größe 😀"'],
  ])('%s', (_name, text, literal) => {
    expect(pyString(text)).toBe(literal);
  });

  it('reads back as the text in Python and stays on one line, for random strings', () => {
    const texts = randomStrings(3000).filter((t) => !/[\ud800-\udfff]/.test(t.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));
    const literals = texts.map(pyString);
    for (const literal of literals) expect(literal).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    expect(pythonReads(literals)).toEqual(texts);
  });
});

/** Texts for the multi-line literals: random ones, and the ends and runs that could close them. */
const MULTILINE = [...randomStrings(3000), '', '"', '""', '"""', '""""""x', 'x"', 'a\\', '\\', '`', '${a}', '$${', '\\${', 'a\nb\n', '\u2028😀\ud800'];

describe('tsTemplateLiteral', () => {
  it.each([
    ['plain text, newlines kept', 'a\nb', '`a\nb`'],
    ['a backtick, a substitution and a backslash', '`${x}\\', '`\\`\\${x}\\\\`'],
    ['non-ASCII as code point escapes', 'é😀', '`\\u{e9}\\u{1f600}`'],
  ])('%s', (_name, text, literal) => {
    expect(tsTemplateLiteral(text)).toBe(literal);
  });

  it('reads back as the text and holds only printable ASCII and newlines, for random strings', () => {
    for (const text of MULTILINE) {
      const literal = tsTemplateLiteral(text);
      expect(evaluate(literal)).toBe(text);
      expect(literal).toMatch(/^[\n\x20-\x7e]*$/);
    }
  });
});

describe('pyTripleQuoted', () => {
  it.each([
    ['plain text, newlines kept', 'a\nb', '"""a\nb"""'],
    ['a quote where it would close the string', 'x"""y"', '"""x\\"""y\\""""'],
    ['a backslash', 'a\\b', '"""a\\\\b"""'],
    ['non-ASCII as escapes', 'é😀', '"""\\u00e9\\U0001f600"""'],
  ])('%s', (_name, text, literal) => {
    expect(pyTripleQuoted(text)).toBe(literal);
  });

  it('reads back as the text in Python and holds only printable ASCII and newlines, for random strings', () => {
    const literals = MULTILINE.map(pyTripleQuoted);
    for (const literal of literals) expect(literal).toMatch(/^[\n\x20-\x7e]*$/);
    expect(pythonReads(literals)).toEqual(MULTILINE);
  });
});

describe('prose: the fast paths change nothing', () => {
  // The plain definitions: every normalization and escape applied one after the other.
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
  const referenceLines = (text: string): string[] => {
    const lines = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(/\t/g, '  ').replace(CONTROL, '').split('\n').map((l) => l.trimEnd());
    while (lines.length > 0 && lines[0] === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  };
  const referenceLine = (line: string): string =>
    line
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]|])/g, '\\$1');
  const referenceInline = (text: string): string => referenceLine(referenceLines(text).join(' ').replace(/\s+/g, ' ').trim());
  const referenceBlock = (text: string): string =>
    referenceLines(text)
      .map((l) => referenceLine(l.trimStart()).replace(/^(\s*)([#>+=~-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n');
  const texts = [...randomStrings(3000), 'plain words', '  indented\n\n\nparagraph  ', 'a & b <c> `d` *e* _f_ [g] |h| \\i', '# heading\n> quote\n1. item'];

  it('for random and sample prose', () => {
    for (const text of texts) {
      expect(proseLines(text)).toEqual(referenceLines(text));
      expect(markdownInline(text)).toBe(referenceInline(text));
      expect(markdownBlock(text)).toBe(referenceBlock(text));
    }
  });
});
