/**
 * Runs the compiled CLI (`dist/`, built by test/global-setup.js) as a child process, as users do.
 *
 * The `generate`/`check` end-to-end cases need the IR and render stages; they are grouped under
 * "end to end" so a failure there is easy to attribute.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'generator', 'cli', 'main.js');
const SPECS = join(__dirname, '..', 'fixtures', 'specs');

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function sdkgen(args: string[], cwd: string = tempDir()): RunResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-cli-')));
}

describe('cli: help and version', () => {
  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(sdkgen(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('documents the commands, the embedded default and the exit codes', () => {
    const { code, stdout } = sdkgen(['--help']);
    expect(code).toBe(0);
    for (const text of ['init', 'generate', 'check', 'validate', 'diff', '--watch', 'NO_COLOR', 'spec/shell-ev.yaml', 'sdkgen.config.yaml', 'Exit codes', '70']) {
      expect(stdout).toContain(text);
    }
  });

  it('stops quietly when the reader of its output goes away (`sdkgen generate --help | true`)', () => {
    // `true` exits before node has started, so every write of sdkgen meets a closed pipe.
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" generate --help | true`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('`generate --help` tells where Python formatting is cached and how to turn it off', () => {
    const { stdout } = sdkgen(['generate', '--help']);
    expect(stdout).toContain('SDKGEN_CACHE_DIR');
    expect(stdout).toContain('"off" disables it');
  });

  const inputOptions = ['--input', '--config', '--allow-remote-refs', '--ref-root'];
  const generationOptions = ['--output', '--templates', '--package-name', '--package-version', '--client-name', '--quiet', '--verbose'];
  it.each([
    ['generate', [...inputOptions, ...generationOptions, '--dry-run', '--force', '--watch']],
    ['init', ['--force']],
    ['diff', ['<old>', '<new>', '--json', '--config', '--ref-root']],
    ['check', [...inputOptions, ...generationOptions]],
    ['validate', inputOptions],
  ])('`%s --help` mentions each option', (command, options) => {
    const { code, stdout } = sdkgen([command, '--help']);
    expect(code).toBe(0);
    for (const option of options) expect(stdout).toContain(option);
  });
});

describe('cli: usage errors exit 2', () => {
  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['validate', '-i'], /argument missing/],
    [['generate', '--quiet', '--verbose'], /--quiet and --verbose cannot be used together/],
    [[], /Usage: sdkgen/],
  ])('sdkgen %j', (args, message) => {
    const { code, stderr } = sdkgen(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('cli: validate', () => {
  it('exits 0 on a valid spec', () => {
    expect(sdkgen(['validate', '-i', join(SPECS, 'petstore.yaml')])).toMatchObject({ code: 0, stdout: expect.stringContaining('is valid') });
  });

  it('prints file:line:col for a broken spec and exits 1', () => {
    const cwd = tempDir();
    cpSync(join(SPECS, 'broken.yaml'), join(cwd, 'broken.yaml'));
    const { code, stdout, stderr } = sdkgen(['validate', '-i', 'broken.yaml'], cwd);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^error: broken\.yaml:6:11: YAML syntax error: /m);
    expect(stderr).toMatch(/^sdkgen: broken\.yaml is invalid/);
  });

  it('lists every semantic problem', () => {
    const { code, stdout } = sdkgen(['validate', '-i', join(SPECS, 'duplicate-operation-ids.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/error: .*duplicate-operation-ids\.yaml:11:7: duplicate operationId 'fetch'/);
  });

  it('refuses a remote ref without --allow-remote-refs', () => {
    const { code, stdout } = sdkgen(['validate', '-i', join(SPECS, 'refs', 'remote.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toContain('remote references are refused (pass --allow-remote-refs');
  });

  it('refuses refs outside the ref root, and --ref-root widens it', () => {
    const input = join(SPECS, 'traversal', 'inner', 'escape.yaml');
    const narrow = sdkgen(['validate', '-i', input]);
    expect(narrow.code).toBe(1);
    expect(narrow.stdout).toMatch(/'\.\.\/outside\.yaml#\/Thing' at #\/components\/schemas\/Sibling .*refused/);
    const wide = sdkgen(['validate', '-i', input, '--ref-root', join(SPECS, 'traversal')]);
    expect(wide.stdout).not.toMatch(/'\.\.\/outside\.yaml#\/Thing'.*refused/);
    expect(wide.stdout).toMatch(/'\/etc\/hosts'.*refused/);
  });
});

describe('cli: user errors exit 1 without a stack trace', () => {
  it.each([
    [['generate', '-i', 'missing.yaml'], /^sdkgen: cannot read .*missing\.yaml: no such file/],
    [['generate', '-i', 'x.yaml', '--package-name', 'Not Valid'], /^sdkgen: invalid package name 'Not Valid'/],
    [['check', '-c', 'nope.yaml'], /^sdkgen: config file not found/],
  ])('sdkgen %j', (args, message) => {
    const { code, stderr } = sdkgen(args);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a bad config key with its location', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'sdkgen.config.yaml'), 'input: api.yaml\noutptu: x\n');
    const { code, stderr } = sdkgen(['validate'], cwd);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sdkgen\.config\.yaml:2:1: unknown key 'outptu'/);
  });

  it('reports an invalid spec given to generate with located problems', () => {
    const { code, stderr } = sdkgen(['generate', '-i', join(SPECS, 'schema-invalid.yaml')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sdkgen: .*schema-invalid\.yaml is not a valid OpenAPI document/);
    expect(stderr).toMatch(/error: .*schema-invalid\.yaml:9:7: must be string/);
  });
});

// Needs the IR and render stages (generator/ir, generator/render).
describe('cli: end to end (generate / check)', () => {
  it('generates, is up to date, detects staleness, and regenerates', () => {
    const cwd = tempDir();
    cpSync(join(SPECS, 'petstore.yaml'), join(cwd, 'petstore.yaml'));
    const first = sdkgen(['generate', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore', '-v'], cwd);
    expect(first.stderr).toMatch(/timing: load/);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^Generated petstore into sdk: [1-9]\d* written, 0 unchanged, 0 removed \(\d+ ms\)\n$/);

    const again = sdkgen(['generate', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore'], cwd);
    expect(again.stdout).toMatch(/: 0 written, [1-9]\d* unchanged, 0 removed/);

    expect(sdkgen(['check', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore'], cwd)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^sdk is up to date/),
    });

    // Change the spec: check must fail and list the stale files.
    const spec = readFileSync(join(cwd, 'petstore.yaml'), 'utf8').replace('tag: {type: string}', 'tag: {type: string}\n        age: {type: integer}');
    writeFileSync(join(cwd, 'petstore.yaml'), spec);
    const stale = sdkgen(['check', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore'], cwd);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/^changed: /m);
    expect(stale.stderr).toMatch(/sdk is stale/);

    const dry = sdkgen(['generate', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore', '--dry-run'], cwd);
    expect(dry.stdout).toMatch(/^would change: /m);
    expect(sdkgen(['check', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore'], cwd).code).toBe(1);
    expect(sdkgen(['generate', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore', '-q'], cwd)).toMatchObject({ code: 0, stdout: '' });
    expect(sdkgen(['check', '-i', 'petstore.yaml', '-o', 'sdk', '--package-name', 'petstore'], cwd).code).toBe(0);
  });

  it('check lists the files of a never-generated folder', () => {
    const cwd = tempDir();
    const { code, stdout } = sdkgen(['check', '-i', join(SPECS, 'petstore.yaml'), '-o', 'empty'], cwd);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^added:\s+\.sdkgen-manifest\.json$/m);
  });

  it('generates the embedded default spec with no arguments but the command', () => {
    const cwd = tempDir();
    const { code, stdout } = sdkgen(['generate'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Generated shellev into generated\/typescript: /);
  });

  it('generates a multi-file spec', () => {
    const cwd = tempDir();
    const args = ['generate', '-i', join(SPECS, 'multi', 'api', 'openapi.yaml'), '-o', join(cwd, 'out'), '--ref-root', join(SPECS, 'multi')];
    const { code, stderr } = sdkgen(args, cwd);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
