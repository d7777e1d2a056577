/**
 * `tsString` and `pyString`: every spec text printed as a TypeScript or Python string literal must
 * read back as exactly that text (by JavaScript's and Python's own parsers), stay on one line
 * whatever it holds, and use the quote Prettier or ruff would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pyString, tsString } from '../../generator/render/escape';

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
    const python = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
    const script = 'import ast, json, sys\nprint(json.dumps([ast.literal_eval(s) for s in json.load(sys.stdin)]))';
    const read = JSON.parse(execFileSync(python, ['-c', script], { input: JSON.stringify(literals) }).toString()) as string[];
    expect(read).toEqual(texts);
  });
});
