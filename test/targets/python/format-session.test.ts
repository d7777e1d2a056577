/**
 * The Python formatting session (generator/targets/python/format.ts): files are formatted as they
 * are added, on worker threads once the text passes a threshold (`./format-pool`), else in this
 * thread, with the same result either way; a module the view printed in ruff's style (`styled`)
 * is left alone when no line is too long, and formatted when one is; a module that does not parse
 * is an internal error naming it, whichever thread found it. Real ruff, real worker threads.
 */
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';
import { InternalError } from '../../../generator/errors';
import type { GeneratedFile } from '../../../generator/render';
import { fitsRuffLines, formatPython, openPythonFormatter, RUFF_SETTINGS } from '../../../generator/targets/python/format';

const ruff = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
const OFF = { SDKGEN_CACHE_DIR: 'off' };

let saved: string | undefined;
beforeAll(() => {
  saved = process.env.SDKGEN_CACHE_DIR;
  process.env.SDKGEN_CACHE_DIR = OFF.SDKGEN_CACHE_DIR;
});
afterAll(() => {
  if (saved === undefined) delete process.env.SDKGEN_CACHE_DIR;
  else process.env.SDKGEN_CACHE_DIR = saved;
});

/** 300 modules in need of formatting, a Markdown page with Python in it, and a text file. */
function unformatted(): GeneratedFile[] {
  const modules = Array.from({ length: 300 }, (_, i) => ({ path: `pkg/m${i}.py`, contents: `def f${i}( a,b ):\n  return {"a":a,\n"b":[b,${i}]}\n` }));
  return [...modules, { path: 'docs/page.md', contents: '# Page\n\n```python\nprint( "one" )\n```\n\ntext\n\n```python\nx=[1,\n2]\n```\n' }, { path: 'pkg/py.typed', contents: '' }];
}

describe('python: formatting session', () => {
  test('worker threads and this thread give the same text, which is ruff’s, in the order added', async () => {
    const files = unformatted();
    const here = await formatPython(files, '/out', { workerThresholdBytes: Number.POSITIVE_INFINITY });
    const workers = await formatPython(files, '/out', { workerThresholdBytes: 0 });
    expect(workers.map((f) => f.path)).toEqual(files.map((f) => f.path));
    expect(workers).toEqual(here);
    expect(here[7]?.contents).toBe(ruff.format(files[7]?.contents as string));
    expect(here[7]?.contents).toBe('def f7(a, b):\n    return {"a": a, "b": [b, 7]}\n');
    expect(here[300]?.contents).toBe('# Page\n\n```python\nprint("one")\n```\n\ntext\n\n```python\nx = [1, 2]\n```\n');
    expect(here[301]).toEqual({ path: 'pkg/py.typed', contents: '' });
  });

  test('files added while the workers run are formatted too (the pool starts part way)', async () => {
    const files = unformatted();
    const session = await openPythonFormatter('/out', { workerThresholdBytes: 2_000 });
    files.forEach((file) => session.add(file));
    const out = await session.finish();
    expect(out).toEqual(await formatPython(files, '/out', { workerThresholdBytes: Number.POSITIVE_INFINITY }));
  });

  test.each([
    ['this thread', Number.POSITIVE_INFINITY],
    ['worker threads', 0],
  ])('a module that does not parse is an InternalError naming it (%s)', async (_label, threshold) => {
    const files = [...unformatted().slice(0, 100), { path: 'pkg/broken.py', contents: 'def (:\n' }, ...unformatted().slice(100, 200)];
    const failure = formatPython(files, '/out', { workerThresholdBytes: threshold });
    await expect(failure).rejects.toThrow(InternalError);
    await expect(failure).rejects.toThrow(/generated pkg\/broken\.py is not valid Python/);
  });

  test('a styled module is kept as printed when every line fits, and formatted by ruff when one does not', async () => {
    const fits = 'from .a import B\n\n\nclass C(B):\n    """Doc."""\n\n    x: int\n';
    const long = `from .${'a'.repeat(60)} import ${'B'.repeat(70)}\n`;
    const out = await formatPython(
      [
        { path: 'pkg/fits.py', contents: fits, styled: true },
        { path: 'pkg/long.py', contents: long, styled: true },
      ],
      '/out',
    );
    expect(out[0]?.contents).toBe(fits);
    expect(ruff.format(fits)).toBe(fits);
    expect(out[1]?.contents).toBe(ruff.format(long));
    expect(out[1]?.contents).toBe(`from .${'a'.repeat(60)} import (\n    ${'B'.repeat(70)},\n)\n`);
  });

  test.each<[string, string, boolean]>([
    ['lines within the limit', `x = 1\n${'y'.repeat(120)}\n`, true],
    ['a line one over the limit', `x = 1\n${'y'.repeat(121)}\n`, false],
    ['a trailing space', 'x = 1 \n', false],
    ['a blank last line', 'x = 1\n\n', false],
    ['no newline at the end', 'x = 1', false],
    ['a tab', 'if x:\n\tpass\n', false],
    ['a carriage return', 'x = 1\r\n', false],
    ['a wide character ruff counts as two columns', 'x = "名"\n', false],
    ['Latin accents (one column each)', 'x = "café"\n', true],
    ['a long line inside a docstring (ruff does not break strings)', `class A:\n    \"\"\"Doc.\n\n    ${'y'.repeat(130)}\n    \"\"\"\n`, true],
    ['a long one-line docstring', `    \"\"\"${'y'.repeat(130)}\"\"\"\n`, true],
    ['a long code line after a docstring closed', `\"\"\"Doc.\"\"\"\n\nx = ${'1 + '.repeat(40)}1\n`, false],
    ['a long import head of a long module name', `from .${'m'.repeat(120)} import (\n    Name,\n)\n`, true],
    ['a docstring left open', '\"\"\"Doc.\n', false],
    ['triple quotes in a single-quoted string', `X = '\"\"\"'\nY = "${'y'.repeat(130)}"\nZ = '\"\"\"'\n`, false],
    ['a space before closing quotes after a backslash', 'class A:\n    r\"\"\"Ends in C:\\\\ \"\"\"\n', false],
    ['a space before closing quotes after an escaped quote', 'class A:\n    \"\"\"Say \"\"\\\" \"\"\"\n', false],
  ])('fitsRuffLines: %s', (_label, text, fits) => {
    expect(fitsRuffLines(text)).toBe(fits);
  });
});
