/**
 * `sdkgen generate --watch`, as users run it: a child process on a temp spec, edited while it runs.
 * Every wait is bounded, and the child is killed in `afterEach` whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'generator', 'cli', 'main.js');
const SPECS = join(__dirname, '..', 'fixtures', 'specs');

interface Watched {
  readonly child: ChildProcess;
  out: string;
  err: string;
}

let current: Watched | undefined;
afterEach(() => {
  if (current && current.child.exitCode === null) current.child.kill('SIGKILL');
  current = undefined;
});

function start(args: string[], cwd: string): Watched {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  const w: Watched = { child, out: '', err: '' };
  child.stdout?.on('data', (d: Buffer) => (w.out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (w.err += d.toString()));
  current = w;
  return w;
}

/** Resolves when `test()` holds, polling; rejects after `ms` with what was printed so far. */
async function until(w: Watched, what: string, test: () => boolean, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout:\n${w.out}\nstderr:\n${w.err}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

function exited(child: ChildProcess, ms = 5000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error('the watcher did not exit after SIGINT')), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('cli: generate --watch', () => {
  it('regenerates on a valid edit, keeps the last good output on a broken one, exits 0 on Ctrl-C', async () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-watch-')));
    const spec = join(cwd, 'petstore.yaml');
    const original = readFileSync(join(SPECS, 'petstore.yaml'), 'utf8');
    writeFileSync(spec, original);
    const w = start(['generate', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore', '--watch'], cwd);
    await until(w, 'the first generation', () => count(w.out, /^Generated petstore/gm) === 1 && /watching/.test(w.err));
    const models = (): string => readFileSync(join(cwd, 'sdk', 'src', 'models.ts'), 'utf8');
    expect(models()).not.toContain('age?');

    // Valid edit: regenerated.
    writeFileSync(spec, original.replace('tag: {type: string}', 'tag: {type: string}\n        age: {type: integer}'));
    await until(w, 'the regeneration', () => count(w.out, /^Generated petstore/gm) === 2);
    expect(models()).toContain('age?: number;');
    const good = models();

    // Broken edit: the error is printed, the output is left as it was.
    writeFileSync(spec, `${original}\nbroken: [\n`);
    await until(w, 'the error', () => /YAML syntax error/.test(w.err));
    expect(w.err).toMatch(/error: petstore\.yaml:\d+:\d+: YAML syntax error/);
    expect(models()).toBe(good);
    expect(w.child.exitCode).toBeNull();

    // Fixed again: regenerated from the new text.
    writeFileSync(spec, original);
    await until(w, 'the regeneration after the fix', () => count(w.out, /^Generated petstore/gm) === 3);
    expect(models()).not.toContain('age?');

    w.child.kill('SIGINT');
    expect(await exited(w.child)).toBe(0);
  });

  it('watches every file of a multi-file spec', async () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-watch-multi-')));
    cpSync(join(SPECS, 'multi'), join(cwd, 'multi'), { recursive: true });
    mkdirSync(join(cwd, 'out'));
    const w = start(['generate', '-i', join('multi', 'api', 'openapi.yaml'), '-o', 'out', '--ref-root', 'multi', '--watch'], cwd);
    await until(w, 'the first generation', () => count(w.out, /^Generated /gm) === 1 && /watching/.test(w.err));
    const files = Number(/watching (\d+) file/.exec(w.err)?.[1]);
    // The config file slot, the root document and at least one referenced file.
    expect(files).toBeGreaterThanOrEqual(3);
    // A file reached only through $refs, two folders away from the root document.
    const shared = join(cwd, 'multi', 'shared', 'schemas.yaml');
    writeFileSync(shared, `${readFileSync(shared, 'utf8')}\n# touched\n`);
    await until(w, 'the regeneration', () => count(w.out, /^Generated /gm) === 2);
    w.child.kill('SIGINT');
    expect(await exited(w.child)).toBe(0);
  });
});
