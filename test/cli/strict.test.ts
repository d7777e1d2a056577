/**
 * Lenient by default, strict on request (issue 15), through the compiled CLI as users run it:
 * problems sdkgen can work around (dangling $refs, schema violations whose meaning is clear) are
 * located warnings and the SDK is generated; `--strict`, `strict: true` in the config file and
 * `sdkgen validate` turn them into errors (exit 1, nothing written). What is unsafe or unreadable
 * stops every run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { starterConfig } from '../../generator/config/starter';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'generator', 'cli', 'main.js');
const LENIENT = join(REPO, 'test', 'fixtures', 'corpus', 'lenient');
const BAD = join(REPO, 'test', 'fixtures', 'corpus', 'bad');

function sdkgen(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the lenient fixtures in a fresh folder (the working directory of each run). */
function workspace(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-strict-')));
  cpSync(LENIENT, dir, { recursive: true });
  return dir;
}

describe('cli: dangling $refs', () => {
  it('generate warns once per dangling ref with file:line:column, types it unknown and writes the SDK', () => {
    const cwd = workspace();
    const { code, stderr } = sdkgen(['generate', '-i', 'dangling/missing-pointer.yaml', '-o', 'out'], cwd);
    expect(code).toBe(0);
    const warnings = stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toHaveLength(7);
    expect(warnings[1]).toBe(
      "warning: dangling/missing-pointer.yaml:12:11: dangling $ref '#/components/parameters/Gone' at #/paths/~1x/get/parameters/0 in " +
        `${join(cwd, 'dangling/missing-pointer.yaml')}: #/components/parameters/Gone does not exist in ${join(cwd, 'dangling/missing-pointer.yaml')}; ` +
        'its target is typed `unknown` (an error with --strict)',
    );
    const api = readFileSync(join(cwd, 'out', 'src', 'api', 'default.ts'), 'utf8');
    expect(api).toMatch(/getX\(params: GetXParams = \{\}, options\?: RequestOptions\): ApiPromise<unknown>/);
    expect(api).toMatch(/q\?: unknown \| undefined;/);
    expect(readFileSync(join(cwd, 'out', 'src', 'models.ts'), 'utf8')).toMatch(/unknown\?: unknown;/);
  });

  it('--strict stops with the same problems as errors, and writes nothing', () => {
    const cwd = workspace();
    const { code, stderr } = sdkgen(['generate', '--strict', '-i', 'dangling/missing-pointer.yaml', '-o', 'out'], cwd);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sdkgen: .*missing-pointer\.yaml is not a valid OpenAPI document \(7 problem\(s\); without --strict they are warnings\)/);
    expect(stderr).toContain("error: dangling/missing-pointer.yaml:23:17: dangling $ref '#/components/schemas/Nope'");
    expect(stderr).toContain('(without --strict: its target is typed `unknown`)');
    expect(stderr).not.toContain('warning:');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('Swagger 2.0 with dangling definitions generates, each dangling ref located in the Swagger source', () => {
    const cwd = workspace();
    const { code, stderr } = sdkgen(['generate', '-i', 'dangling/swagger2-definitions.yaml', '-o', 'out'], cwd);
    expect(code).toBe(0);
    const lines = stderr.split('\n').filter((l) => l.includes('dangling $ref')).map((l) => l.split(': ')[1]);
    expect(lines).toEqual([
      'dangling/swagger2-definitions.yaml:15:11',
      'dangling/swagger2-definitions.yaml:27:11',
      'dangling/swagger2-definitions.yaml:35:13',
      'dangling/swagger2-definitions.yaml:48:9',
    ]);
    expect(readFileSync(join(cwd, 'out', 'src', 'models.ts'), 'utf8')).toMatch(/customer\?: unknown;/);
  });
});

describe('cli: strict in the config file, check and validate', () => {
  it('check and generate follow `strict: true`; --no-strict overrides it', () => {
    const cwd = workspace();
    expect(sdkgen(['generate', '-i', 'schema/parameter-keywords.yaml', '-o', 'out'], cwd).code).toBe(0);
    writeFileSync(join(cwd, 'sdkgen.config.yaml'), 'input: schema/parameter-keywords.yaml\noutput: out\nstrict: true\n');
    const check = sdkgen(['check'], cwd);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("error: schema/parameter-keywords.yaml:16:11: unknown property 'enum' (without --strict: sdkgen reads it as part of the parameter's schema)");
    expect(sdkgen(['generate'], cwd).code).toBe(1);
    const relaxed = sdkgen(['check', '--no-strict'], cwd);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/out is up to date/);
    expect(relaxed.stderr).toContain("warning: schema/parameter-keywords.yaml:16:11: unknown property 'enum'");
  });

  it('validate is strict unless --no-strict', () => {
    const cwd = workspace();
    const strict = sdkgen(['validate', '-i', 'schema/token-url-templates.yaml'], cwd);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('error: schema/token-url-templates.yaml:29:11: "{apiRoot}/oauth2/token" is not a valid uri-reference');
    const relaxed = sdkgen(['validate', '--no-strict', '-i', 'schema/token-url-templates.yaml'], cwd);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/token-url-templates\.yaml is valid \(2 warning\(s\)\)/);
  });

  it('the starter config has a commented `strict: true`, and --help documents --strict', () => {
    expect(starterConfig('schema.json')).toMatch(/^# strict: true$/m);
    for (const command of ['generate', 'check', 'validate']) {
      const { stdout } = sdkgen([command, '--help'], REPO);
      expect(stdout).toContain('--strict');
      expect(stdout).toContain('--no-strict');
    }
  });
});

describe('cli: what always stops a run', () => {
  it.each([
    ['a YAML syntax error', 'invalid-yaml.yaml', /error: invalid-yaml\.yaml:\d+:\d+: YAML syntax error/],
    ['a JSON syntax error', 'invalid-json.json', /error: invalid-json\.json:\d+:\d+: JSON syntax error/],
    ['an unknown openapi version', 'unsupported-version.yaml', /error: unsupported-version\.yaml:\d+:\d+: unsupported OpenAPI version/],
    ['no openapi/swagger key', 'not-openapi.yaml', /error: not-openapi\.yaml:\d+:\d+: unsupported OpenAPI version \(no `openapi` field\)/],
    ['a remote $ref without the flag', 'ref-remote.yaml', /error: ref-remote\.yaml:\d+:\d+: cannot resolve \$ref .*--allow-remote-refs/],
    ['a $ref outside the ref root', 'ref-escape-relative.yaml', /error: ref-escape-relative\.yaml:\d+:\d+: cannot resolve \$ref .*refused: .*outside the ref root/],
  ])('%s, without --strict too', (_what, file, pattern) => {
    const { code, stderr } = sdkgen(['generate', '-i', file, '-o', 'out'], BAD);
    expect(code).toBe(1);
    expect(stderr).toMatch(pattern);
    expect(existsSync(join(BAD, 'out'))).toBe(false);
  });
});

describe('cli: determinism with warnings', () => {
  /** Every file under `dir`, relative path → contents. */
  function tree(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string, prefix: string): void => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const rel = `${prefix}${entry.name}`;
        if (entry.isDirectory()) walk(join(d, entry.name), `${rel}/`);
        else out[rel] = readFileSync(join(d, entry.name), 'utf8');
      }
    };
    walk(dir, '');
    return out;
  }

  it.each([
    'dangling/missing-pointer.yaml',
    'dangling/swagger2-definitions.yaml',
    'schema/token-url-templates.yaml',
    'schema/parameter-keywords.yaml',
    'schema/unknown-and-missing.yaml',
  ])('%s generates the same files and the same warnings twice', (spec) => {
    const cwd = workspace();
    const first = sdkgen(['generate', '-i', spec, '-o', 'one'], cwd);
    const second = sdkgen(['generate', '-i', spec, '-o', 'two'], cwd);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stderr).toContain('warning: ');
    expect(second.stderr).toBe(first.stderr);
    expect(tree(join(cwd, 'two'))).toEqual(tree(join(cwd, 'one')));
  });
});
