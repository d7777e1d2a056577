/**
 * `package.repository` and `package.homepage`: read from the config file (shared or per target),
 * validated as URLs (a ConfigError naming the key otherwise), and written into the TypeScript
 * package.json (`repository: { type: git, url }`, `homepage`) and the Python pyproject
 * (`[project.urls]`), escaped so that nothing in them can change those files' structure.
 */
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../generator/config';
import { ConfigError } from '../../generator/errors';
import { generateFiles } from '../../generator/pipeline';
import { tomlString } from '../../generator/render/escape';

const REPO = join(__dirname, '..', '..');
const SPEC = join(REPO, 'test/fixtures/corpus/edge/schemas/readonly-writeonly.yaml');

/** A temp folder with `sdkgen.config.yaml` holding `yaml` (the spec is the edge fixture). */
function withConfig(yaml: string): string {
  const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-urls-')));
  writeFileSync(join(cwd, 'sdkgen.config.yaml'), `input: ${JSON.stringify(SPEC)}\nrefRoot: ${JSON.stringify(REPO)}\n${yaml}`);
  return cwd;
}

async function configError(cwd: string): Promise<string> {
  try {
    await resolveConfig({}, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const BOTH = 'targets:\n  typescript:\n    output: ts\n  python:\n    output: py\n';

describe('package.repository / package.homepage: resolved per target', () => {
  test.each<[string, string, { repository?: string; homepage?: string }[]]>([
    ['neither set: absent', `${BOTH}package: {name: urls}\n`, [{}, {}]],
    [
      'shared by every target',
      `${BOTH}package:\n  name: urls\n  repository: https://github.com/acme/sdk\n  homepage: https://acme.example/sdk\n`,
      [
        { repository: 'https://github.com/acme/sdk', homepage: 'https://acme.example/sdk' },
        { repository: 'https://github.com/acme/sdk', homepage: 'https://acme.example/sdk' },
      ],
    ],
    [
      'a target overrides the shared value',
      'targets:\n  typescript:\n    output: ts\n  python:\n    output: py\n    package: {repository: "git+ssh://git@github.com/acme/sdk-py.git"}\npackage:\n  name: urls\n  repository: git+https://github.com/acme/sdk.git\n',
      [{ repository: 'git+https://github.com/acme/sdk.git' }, { repository: 'git+ssh://git@github.com/acme/sdk-py.git' }],
    ],
  ])('%s', async (_label, yaml, expected) => {
    const config = await resolveConfig({}, withConfig(yaml));
    expect(config.targets.map((t) => ({ ...(t.repository ? { repository: t.repository } : {}), ...(t.homepage ? { homepage: t.homepage } : {}) }))).toEqual(expected);
  });
});

describe('package.repository / package.homepage: invalid values are a ConfigError naming the key', () => {
  test.each<[string, string, RegExp]>([
    ['not a URL', 'repository: github.com/acme/sdk', /invalid package repository 'github\.com\/acme\/sdk' \('package\.repository' in .*sdkgen\.config\.yaml\): must be an absolute URL/],
    ['homepage with a git scheme', 'homepage: git+https://github.com/acme/sdk.git', /invalid package homepage .*must be an absolute URL \(http:\/\/, https:\/\/\)/],
    ['javascript: URL', 'homepage: "javascript:alert(1)"', /invalid package homepage/],
    ['a quote (would break out of a string)', 'repository: \'https://x.example/"a\'', /without spaces, quotes or control characters/],
    ['a newline (would add a TOML line)', 'homepage: "https://x.example/\\nEvil = 1"', /invalid package homepage 'https:\/\/x\.example\/\\u000aEvil = 1'.*without spaces, quotes or control characters/],
    ['a space', 'homepage: "https://x.example/a b"', /without spaces/],
    ['credentials in the URL', 'repository: https://user:token@github.com/acme/sdk', /without credentials in it/],
  ])('%s', async (_label, line, message) => {
    expect(await configError(withConfig(`package:\n  name: urls\n  ${line}\n`))).toMatch(message);
  });

  test('per-target values name the target key', async () => {
    const message = await configError(withConfig('targets:\n  python:\n    output: py\n    package: {homepage: "ftp://x.example"}\n'));
    expect(message).toMatch(/'targets\.python\.package\.homepage' in /);
  });
});

describe('package.repository / package.homepage: in the generated packages', () => {
  test('package.json has repository { type: git, url } and homepage; pyproject [project.urls]', async () => {
    const cwd = withConfig(`${BOTH}package:\n  name: urls\n  repository: git+https://github.com/acme/sdk.git\n  homepage: https://acme.example/sdk?a=1&b=2#docs\n`);
    const result = await generateFiles(await resolveConfig({}, cwd));
    const ts = result.outputs.find((o) => o.config.target === 'typescript');
    const pkg = JSON.parse(ts?.files.find((f) => f.path === 'package.json')?.contents ?? '{}') as Record<string, unknown>;
    expect(pkg['repository']).toEqual({ type: 'git', url: 'git+https://github.com/acme/sdk.git' });
    expect(pkg['homepage']).toBe('https://acme.example/sdk?a=1&b=2#docs');
    const py = result.outputs.find((o) => o.config.target === 'python');
    const pyproject = py?.files.find((f) => f.path === 'pyproject.toml')?.contents ?? '';
    expect(pyproject).toContain('[project.urls]\nHomepage = "https://acme.example/sdk?a=1&b=2#docs"\nRepository = "git+https://github.com/acme/sdk.git"\n');
  });

  test('without them, neither file mentions them', async () => {
    const result = await generateFiles(await resolveConfig({}, withConfig(`${BOTH}package: {name: urls}\n`)));
    const pkg = result.outputs.find((o) => o.config.target === 'typescript')?.files.find((f) => f.path === 'package.json')?.contents ?? '';
    expect(JSON.parse(pkg)).not.toHaveProperty('repository');
    expect(JSON.parse(pkg)).not.toHaveProperty('homepage');
    expect(result.outputs.find((o) => o.config.target === 'python')?.files.find((f) => f.path === 'pyproject.toml')?.contents).not.toContain('[project.urls]');
  });

  test.each<[string, string]>([
    ['plain', '"https://x.example/a"'],
    ['quote and backslash', '"a\\"b\\\\c"'],
    ['control characters and DEL', '"\\u000A\\u0009\\u007F"'],
  ])('tomlString escapes %s', (label, expected) => {
    const input = label === 'plain' ? 'https://x.example/a' : label === 'quote and backslash' ? 'a"b\\c' : '\n\t\u007f';
    expect(tomlString(input)).toBe(expected);
  });
});
