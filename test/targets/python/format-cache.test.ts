/**
 * The ruff output cache (generator/targets/python/format-cache.ts): a second run over the same
 * output takes what the first formatted, the output is the same with or without the cache, and a
 * missing, corrupt, disabled or unwritable cache changes nothing but the time. Real ruff, real
 * files in a temp cache folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatCacheDir } from '../../../generator/targets/python/format-cache';
import { formatPython } from '../../../generator/targets/python/format';

const UNFORMATTED = [
  { path: 'pkg/a.py', contents: 'x  =  {"a":1,\n"b":2}\n' },
  { path: 'pkg/b.py', contents: 'def f( a,b ):\n  return a+b\n' },
  { path: 'README.md', contents: '# T\n\n```python\nprint( "hi" )\n```\n' },
];

let root: string;
let saved: string | undefined;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-fmtcache-'));
  saved = process.env.SDKGEN_CACHE_DIR;
  process.env.SDKGEN_CACHE_DIR = path.join(root, 'cache');
});
afterEach(() => {
  if (saved === undefined) delete process.env.SDKGEN_CACHE_DIR;
  else process.env.SDKGEN_CACHE_DIR = saved;
  fs.rmSync(root, { recursive: true, force: true });
});

const cacheFiles = (): string[] => (fs.existsSync(path.join(root, 'cache')) ? fs.readdirSync(path.join(root, 'cache')) : []);
const contents = (files: readonly { contents: string }[]): string[] => files.map((f) => f.contents);

describe('python: ruff output cache', () => {
  it('formats as ruff does, writes one private cache file, and takes the next run from it', async () => {
    const first = await formatPython(UNFORMATTED, path.join(root, 'out'));
    expect(contents(first)).toEqual(['x = {"a": 1, "b": 2}\n', 'def f(a, b):\n    return a + b\n', '# T\n\n```python\nprint("hi")\n```\n']);
    const [file] = cacheFiles();
    expect(cacheFiles()).toHaveLength(1);
    const full = path.join(root, 'cache', file as string);
    expect(fs.statSync(full).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(root, 'cache')).mode & 0o777).toBe(0o700);

    // Proof that the second run reads the cache rather than ruff: an entry changed by hand shows.
    const cached = JSON.parse(fs.readFileSync(full, 'utf8')) as { layout: number; entries: Record<string, string> };
    expect(Object.keys(cached.entries)).toHaveLength(3);
    const [key] = Object.entries(cached.entries).find(([, text]) => text.startsWith('def f')) ?? [];
    fs.writeFileSync(full, JSON.stringify({ ...cached, entries: { ...cached.entries, [key as string]: 'def f(a, b):\n    return 42\n' } }));
    const second = await formatPython(UNFORMATTED, path.join(root, 'out'));
    expect(second[1]?.contents).toBe('def f(a, b):\n    return 42\n');
    expect(second[0]?.contents).toBe(first[0]?.contents);
  });

  it('keeps one cache per output folder, and only the entries of its last run', async () => {
    await formatPython(UNFORMATTED, path.join(root, 'out-a'));
    await formatPython(UNFORMATTED.slice(0, 1), path.join(root, 'out-b'));
    expect(cacheFiles()).toHaveLength(2);
    await formatPython(UNFORMATTED.slice(0, 1), path.join(root, 'out-a'));
    const sizes = cacheFiles().map((f) => Object.keys((JSON.parse(fs.readFileSync(path.join(root, 'cache', f), 'utf8')) as { entries: object }).entries).length);
    expect(sizes).toEqual([1, 1]);
  });

  it('a corrupt cache file is an empty cache; SDKGEN_CACHE_DIR=off writes none; an unwritable folder is skipped', async () => {
    const expected = contents(await formatPython(UNFORMATTED, path.join(root, 'out')));
    for (const f of cacheFiles()) fs.writeFileSync(path.join(root, 'cache', f), '{"layout": 1, "entries": ');
    expect(contents(await formatPython(UNFORMATTED, path.join(root, 'out')))).toEqual(expected);

    process.env.SDKGEN_CACHE_DIR = 'off';
    expect(contents(await formatPython(UNFORMATTED, path.join(root, 'other')))).toEqual(expected);
    expect(cacheFiles()).toHaveLength(1);

    const blocked = path.join(root, 'a-file');
    fs.writeFileSync(blocked, 'not a folder');
    process.env.SDKGEN_CACHE_DIR = path.join(blocked, 'cache');
    expect(contents(await formatPython(UNFORMATTED, path.join(root, 'out')))).toEqual(expected);
  });

  it('forgets the least recently used outputs beyond 16', async () => {
    const dir = path.join(root, 'cache');
    fs.mkdirSync(dir, { mode: 0o700 });
    for (let i = 0; i < 20; i++) {
      const old = path.join(dir, `format-old${i}.json`);
      fs.writeFileSync(old, '{}');
      const when = new Date(Date.now() - (i + 1) * 60_000);
      fs.utimesSync(old, when, when);
    }
    await formatPython(UNFORMATTED, path.join(root, 'out'));
    const left = cacheFiles();
    expect(left).toHaveLength(16);
    expect(left.filter((f) => !f.startsWith('format-old'))).toHaveLength(1);
    expect(left).toContain('format-old0.json');
    expect(left).not.toContain('format-old19.json');
  });

  it.each([
    [{ SDKGEN_CACHE_DIR: '/x/c' }, '/x/c'],
    [{ SDKGEN_CACHE_DIR: 'off', HOME: '/home/u' }, undefined],
    [{ XDG_CACHE_HOME: '/xdg', HOME: '/home/u' }, '/xdg/sdkgen'],
    [{ HOME: '/home/u' }, '/home/u/.cache/sdkgen'],
  ])('cache folder for %j is %s', (env, expected) => {
    expect(formatCacheDir(env)).toBe(expected);
  });
});
