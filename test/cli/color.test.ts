/** Colours and progress only for a terminal, never with `NO_COLOR` or through a pipe. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../generator/cli/io';
import { run } from '../../generator/cli/run';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'generator', 'cli', 'main.js');
const SPECS = join(__dirname, '..', 'fixtures', 'specs');
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[/;

const tempDir = (): string => realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-color-')));

function captured(tty: boolean, env: Record<string, string | undefined>, cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd,
    isTTY: { stdout: tty, stderr: tty },
    env,
    out: () => out,
    err: () => err,
  };
}

describe('cli: colours', () => {
  it('a pipe gets no escape codes, even without NO_COLOR', () => {
    const cwd = tempDir();
    const env = { ...process.env };
    delete env['NO_COLOR'];
    const ok = spawnSync(process.execPath, [CLI, 'generate', '-i', join(SPECS, 'petstore.yaml'), '-o', 'sdk'], { cwd, encoding: 'utf8', env });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [CLI, 'generate', '-i', join(SPECS, 'schema-invalid.yaml'), '-o', 'x'], { cwd, encoding: 'utf8', env });
    expect(bad.status).toBe(1);
    for (const text of [ok.stdout, ok.stderr, bad.stdout, bad.stderr]) expect(text).not.toMatch(ESCAPE);
  });

  it('a terminal gets red errors and a green summary; NO_COLOR turns them off', async () => {
    const cwd = tempDir();
    const coloured = captured(true, {}, cwd);
    expect(await run(['validate', '-i', join(SPECS, 'schema-invalid.yaml')], coloured)).toBe(1);
    expect(coloured.err()).toContain('\u001b[31msdkgen: ');
    expect(coloured.out()).toContain('\u001b[31merror: ');
    const green = captured(true, {}, cwd);
    expect(await run(['validate', '-i', join(SPECS, 'petstore.yaml')], green)).toBe(0);
    expect(green.out()).toMatch(/^\u001b\[32m.*is valid/);

    const plain = captured(true, { NO_COLOR: '1' }, cwd);
    expect(await run(['validate', '-i', join(SPECS, 'schema-invalid.yaml')], plain)).toBe(1);
    expect(plain.err() + plain.out()).not.toMatch(ESCAPE);
    const notTty = captured(false, {}, cwd);
    expect(await run(['validate', '-i', join(SPECS, 'schema-invalid.yaml')], notTty)).toBe(1);
    expect(notTty.err() + notTty.out()).not.toMatch(ESCAPE);
  });
});
