/**
 * scripts/pipeline/*.sh and .github/workflows/sdk.yml, run the way CI runs them, on a temp copy of
 * the repository (so the committed generated/ is never touched): regenerate → build → pack →
 * publish --dry-run, the refusals of a real publish, and the workflow's shape.
 *
 * npm never reaches a real registry here: publishing is pointed at a closed local port.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { PIPELINE, ROOT, run, runOk, tempDir } from '../package/support';

jest.setTimeout(180_000);

const SCRIPTS = ['regenerate.sh', 'build-sdk.sh', 'pack-sdk.sh', 'publish-sdk.sh', 'build-python-sdk.sh', 'publish-python-sdk.sh'];
const WORKFLOW = join(ROOT, '.github', 'workflows', 'sdk.yml');

/** npm settings for every npm run by the scripts under test: no real registry, fail fast. */
const OFFLINE_NPM: NodeJS.ProcessEnv = {
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_fetch_retries: '0',
  NODE_AUTH_TOKEN: '',
  GITHUB_ACTIONS: '',
  GITHUB_REF_TYPE: '',
  GITHUB_REF_NAME: '',
  SDKGEN_PROVENANCE: '',
  SDKGEN_FAIL_IF_STALE: '',
  SDKGEN_LINK_ROOT_DEPS: '',
};

const work = tempDir('sdkgen-pipeline-');
const repo = join(work.path, 'repo');
const sdk = join(repo, 'generated', 'typescript');

/** Runs scripts/pipeline/NAME of the temp copy. */
function script(name: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return run('bash', [join(repo, 'scripts', 'pipeline', name), ...args], {
    cwd: repo,
    env: { ...OFFLINE_NPM, ...env },
    timeoutMs: 150_000,
  });
}

function filesUnder(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const rel = relative(dir, path);
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(path);
      else out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

beforeAll(() => {
  // The parts of the repository the scripts use; timestamps kept so the copy's dist/ (sdkgen,
  // built by jest's global setup) counts as up to date and is not rebuilt.
  mkdirSync(join(repo, 'scripts'), { recursive: true });
  for (const entry of ['package.json', 'tsconfig.json', 'sdkgen.config.yaml', 'generator', 'templates', 'spec', 'dist', 'scripts/pipeline', 'generated']) {
    if (!existsSync(join(ROOT, entry))) continue;
    cpSync(join(ROOT, entry), join(repo, entry), {
      recursive: true,
      preserveTimestamps: true,
      // Not a developer's local SDK build (git-ignored) inside generated/.
      filter: (src) => !/^generated\/.*\/(node_modules|dist)$/.test(relative(ROOT, src)),
    });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
});

afterAll(() => work.cleanup());

describe('scripts/pipeline', () => {
  test.each(SCRIPTS)('%s is executable, starts with a usage comment, and answers --help', async (name) => {
    const path = join(PIPELINE, name);
    expect(statSync(path).mode & 0o111).not.toBe(0);
    const head = readFileSync(path, 'utf8').split('\n').slice(0, 6).join('\n');
    expect(head).toMatch(/^#!\/usr\/bin\/env bash\n#/);
    expect(head).toContain(`# Usage: scripts/pipeline/${name}`);
    const help = await runOk('bash', [path, '--help']);
    expect(help.stdout).toContain(`Usage: scripts/pipeline/${name}`);
  });

  test('shellcheck finds nothing (when shellcheck is installed)', async () => {
    const which = await run('sh', ['-c', 'command -v shellcheck']);
    if (which.code !== 0) return; // not on every machine; bash -n below still runs
    const result = await run('shellcheck', SCRIPTS.map((s) => join(PIPELINE, s)));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('bash -n: every script parses', async () => {
    for (const name of SCRIPTS) await runOk('bash', ['-n', join(PIPELINE, name)]);
  });
});

describe('regenerate → build → pack → publish --dry-run (on a temp copy of the repository)', () => {
  let tarball: string;

  test('regenerate.sh generates from sdkgen.config.yaml and passes sdkgen check', async () => {
    const result = await script('regenerate.sh', []);
    expect(result.stderr).toContain('sdkgen check');
    expect(result.code).toBe(0);
    expect(existsSync(join(sdk, 'package.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8')).name).toBe('shellev');
    expect(existsSync(join(sdk, 'src', 'client.ts'))).toBe(true);
  });

  test('regenerate.sh --fail-if-stale passes on fresh output, fails (and regenerates) after a spec change', async () => {
    expect((await script('regenerate.sh', ['--fail-if-stale'])).code).toBe(0);

    const specPath = join(repo, 'spec', 'shell-ev.yaml');
    const spec = readFileSync(specPath, 'utf8');
    expect(spec).toMatch(/^ {2}version: [\d.]+$/m);
    writeFileSync(specPath, spec.replace(/^ {2}version: [\d.]+$/m, '  version: 9.8.7'));
    try {
      const stale = await script('regenerate.sh', ['--fail-if-stale']);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toMatch(/stale/);
      // The folder was regenerated anyway, so the next run passes.
      expect(JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8')).version).toBe('9.8.7');
      expect((await script('regenerate.sh', ['--fail-if-stale'])).code).toBe(0);
    } finally {
      writeFileSync(specPath, spec);
    }
    expect((await script('regenerate.sh', [])).code).toBe(0);
  });

  test('regenerate.sh passes sdkgen options through (--target, -o, --package-name, --client-name)', async () => {
    const out = join(work.path, 'other-sdk');
    const result = await script('regenerate.sh', ['--target', 'typescript', '-o', out, '--package-name', '@acme/ev', '--client-name', 'AcmeClient']);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).name).toBe('@acme/ev');
    expect(readFileSync(join(out, 'src', 'client.ts'), 'utf8')).toContain('class AcmeClient');
  });

  test('build-sdk.sh installs (linked), builds dist/ and adds nothing but git-ignored folders', async () => {
    const before = filesUnder(sdk);
    const result = await script('build-sdk.sh', ['--link-root-deps', sdk]);
    expect(result.code).toBe(0);
    for (const file of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/esm/node.js', 'dist/cjs/node.js']) {
      expect(existsSync(join(sdk, file))).toBe(true);
    }
    // No lockfile or other stray file in the (committed) generated folder.
    const after = filesUnder(sdk, (rel) => rel === 'node_modules' || rel === 'dist');
    expect(after).toEqual(before);
  });

  test('build-sdk.sh refuses a folder without package.json', async () => {
    const result = await script('build-sdk.sh', [work.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('package.json not found');
  });

  test('pack-sdk.sh prints the path of the tarball, and only that', async () => {
    const out = join(work.path, 'pack');
    const result = await script('pack-sdk.sh', [sdk, out]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    tarball = lines[0] as string;
    expect(tarball).toBe(join(out, 'shellev-2.2.0.tgz'));
    expect(statSync(tarball).size).toBeGreaterThan(10_000);
  });

  test('publish-sdk.sh --dry-run lists the built files and no sources, tests or secrets', async () => {
    // Decoys a careless `files` list would publish.
    writeFileSync(join(sdk, '.npmrc'), '//registry.npmjs.org/:_authToken=npm_decoy_token_do_not_publish\n');
    writeFileSync(join(sdk, '.env'), 'CLIENT_SECRET=decoy\n');
    mkdirSync(join(sdk, 'test'), { recursive: true });
    writeFileSync(join(sdk, 'test', 'junk.test.ts'), 'export {};\n');
    try {
      const result = await script('publish-sdk.sh', [sdk, '--dry-run']);
      expect(result.code).toBe(0);
      const output = result.stdout + result.stderr;
      expect(output).toContain('(dry-run)');
      expect(output).toContain('+ shellev@2.2.0');
      // "npm notice 1.2kB dist/esm/index.js" lines between "Tarball Contents" and "Tarball Details".
      const contents = output.slice(output.indexOf('Tarball Contents'), output.indexOf('Tarball Details'));
      const files = [...contents.matchAll(/^npm notice [\d.]+k?M?B\s+(\S+)$/gm)].map((m) => m[1] as string);
      expect(files).toEqual(
        expect.arrayContaining(['dist/esm/index.js', 'dist/cjs/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.d.ts', 'dist/esm/node.js', 'README.md', 'package.json']),
      );
      // README links docs/ and examples/, so they ship; nothing else outside dist/.
      expect(files).toEqual(expect.arrayContaining(['docs/charging.md', 'docs/locations.md', 'examples/quickstart.mjs']));
      expect(files.filter((f) => !/^(dist\/(esm|cjs)\/|docs\/[\w-]+\.md$|examples\/[\w-]+\.mjs$|README\.md$|package\.json$|LICENSE)/.test(f))).toEqual([]);
      expect(files.filter((f) => /(^|\/)(src|test|tests|node_modules)\/|\.npmrc|\.env|\.tgz$|\.pem$|\.key$|manifest/.test(f))).toEqual([]);
      expect(output).not.toContain('npm_decoy_token');
    } finally {
      for (const decoy of ['.npmrc', '.env', 'test']) rmSync(join(sdk, decoy), { recursive: true, force: true });
    }
  });

  test('publish-sdk.sh refuses to publish for real without NODE_AUTH_TOKEN', async () => {
    const result = await script('publish-sdk.sh', [sdk]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('NODE_AUTH_TOKEN is not set');
    expect(result.stdout).not.toContain('+ shellev');
  });

  test('publish-sdk.sh refuses a tag that is not the package version', async () => {
    const result = await script('publish-sdk.sh', [sdk], {
      NODE_AUTH_TOKEN: 'not-a-real-token',
      GITHUB_ACTIONS: 'true',
      GITHUB_REF_TYPE: 'tag',
      GITHUB_REF_NAME: 'v0.0.1',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tag v0.0.1 is not v2.2.0');
  });

  test('publish-sdk.sh adds --provenance on a matching tag (npm then fails on the closed registry)', async () => {
    const result = await script('publish-sdk.sh', [sdk], {
      NODE_AUTH_TOKEN: 'not-a-real-token',
      GITHUB_ACTIONS: 'true',
      GITHUB_REF_TYPE: 'tag',
      GITHUB_REF_NAME: 'v2.2.0',
    });
    expect(result.stderr).toContain('npm publish --provenance --tag latest');
    expect(result.code).not.toBe(0); // no OIDC token and no registry here
  });
});

describe('Python: build → check → publish --dry-run (on the temp copy of the repository)', () => {
  const pySdk = join(repo, 'generated', 'python');
  const dist = join(work.path, 'python-dist');
  // The test venv has build, hatchling and twine (scripts/test/venv.mjs), so nothing is downloaded
  // but the wheel's own dependencies for the fresh-venv install.
  const pyEnv = (): NodeJS.ProcessEnv => ({ PYTHON: join(ROOT, '.venv', 'bin', 'python') });
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'test', 'venv.mjs')], { cwd: ROOT, stdio: 'pipe' });
  });

  test('build-python-sdk.sh builds a wheel and an sdist that pass twine check, install into a fresh venv and import', async () => {
    // A decoy an unclean build would package.
    mkdirSync(join(pySdk, 'tests'), { recursive: true });
    writeFileSync(join(pySdk, 'tests', 'test_x.py'), 'x = 1\n');
    try {
      const result = await script('build-python-sdk.sh', [pySdk, '--out', dist], pyEnv());
      expect(result.code).toBe(0);
      expect(result.stdout.trim().split('\n')).toEqual([join(dist, 'shellev-2.2.0-py3-none-any.whl'), join(dist, 'shellev-2.2.0.tar.gz')]);
      expect(result.stderr).toContain('PASSED');
      expect(result.stderr).toContain('shellev 2.2.0');
    } finally {
      rmSync(join(pySdk, 'tests'), { recursive: true, force: true });
    }
  }, 300_000);

  test('the build fails when the archive would hold files that are not the package', async () => {
    const bad = join(work.path, 'python-bad');
    cpSync(pySdk, bad, { recursive: true });
    // A second top-level package the wheel must not pick up silently.
    writeFileSync(join(bad, 'pyproject.toml'), readFileSync(join(bad, 'pyproject.toml'), 'utf8').replace('packages = ["shellev"]', 'packages = ["shellev", "docs"]'));
    writeFileSync(join(bad, 'docs', '__init__.py'), '');
    const result = await script('build-python-sdk.sh', [bad, '--out', join(work.path, 'python-bad-dist')], pyEnv());
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unexpected files in the wheel');
  }, 300_000);

  test('publish-python-sdk.sh --dry-run checks and lists; a real publish needs credentials; a tag must be the version', async () => {
    const dry = await script('publish-python-sdk.sh', [dist, '--dry-run'], pyEnv());
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('dry run: would upload shellev-2.2.0-py3-none-any.whl and shellev-2.2.0.tar.gz');
    const real = await script('publish-python-sdk.sh', [dist], { ...pyEnv(), TWINE_PASSWORD: '', HOME: work.path });
    expect(real.code).toBe(1);
    expect(real.stderr).toContain('trusted publishing');
    const tagged = await script('publish-python-sdk.sh', [dist, '--dry-run'], { ...pyEnv(), GITHUB_REF: 'refs/tags/v9.9.9' });
    expect(tagged.code).toBe(1);
    expect(tagged.stderr).toContain('tag v9.9.9 is not the package version v2.2.0');
    const matching = await script('publish-python-sdk.sh', [dist, '--dry-run'], { ...pyEnv(), GITHUB_REF: 'refs/tags/v2.2.0' });
    expect(matching.code).toBe(0);
  }, 120_000);
});

describe('.github/workflows/sdk.yml', () => {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Record<string, any>;
  const steps = (job: string): Record<string, any>[] => workflow['jobs'][job]['steps'];
  const runs = (job: string): string => steps(job).map((s) => s['run'] ?? '').join('\n');

  test('parses, and runs on changes to the spec, templates, generator and config, and on v* tags', () => {
    const on = workflow['on'];
    for (const event of ['push', 'pull_request']) {
      expect(on[event]['paths']).toEqual(expect.arrayContaining(['spec/**', 'templates/**', 'generator/**', 'sdkgen.config.yaml']));
    }
    expect(on['push']['tags']).toEqual(['v*']);
  });

  test('build job: checkout, Node 20 with npm cache, npm ci, regenerate (stale fails), test, build, pack', () => {
    const uses = steps('build').map((s) => s['uses']).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining([expect.stringMatching(/^actions\/checkout@v\d/), expect.stringMatching(/^actions\/setup-node@v\d/)]));
    const setupNode = steps('build').find((s) => String(s['uses']).startsWith('actions/setup-node'));
    expect(setupNode?.['with']).toMatchObject({ 'node-version': 20, cache: 'npm' });
    const commands = runs('build');
    const order = ['npm ci', 'scripts/pipeline/regenerate.sh --fail-if-stale', 'npm test', 'scripts/pipeline/build-sdk.sh', 'scripts/pipeline/pack-sdk.sh'];
    const positions = order.map((c) => commands.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('publish job: only on v* tags, id-token write, registry-url, NODE_AUTH_TOKEN from secrets', () => {
    const job = workflow['jobs']['publish'];
    expect(job['needs']).toBe('build');
    expect(job['if']).toContain("startsWith(github.ref, 'refs/tags/v')");
    expect(job['permissions']).toEqual({ 'id-token': 'write', contents: 'read' });
    const setupNode = steps('publish').find((s) => String(s['uses']).startsWith('actions/setup-node'));
    expect(setupNode?.['with']['registry-url']).toBe('https://registry.npmjs.org');
    const publish = steps('publish').find((s) => String(s['run']).includes('publish-sdk.sh'));
    expect(publish?.['run']).toBe('scripts/pipeline/publish-sdk.sh generated/typescript');
    expect(publish?.['env']['NODE_AUTH_TOKEN']).toMatch(/^\$\{\{\s*secrets\.\w+\s*\}\}$/);
    expect(workflow['permissions']).toEqual({ contents: 'read' });
  });

  test('python: the build job builds and checks the Python SDK; publish-python uses trusted publishing on v* tags', () => {
    const setupPython = steps('build').find((s) => String(s['uses']).startsWith('actions/setup-python'));
    expect(setupPython).toBeDefined();
    expect(runs('build')).toContain('scripts/pipeline/build-python-sdk.sh generated/python');
    expect(runs('build')).toContain('scripts/pipeline/publish-python-sdk.sh');
    const job = workflow['jobs']['publish-python'];
    expect(job['needs']).toBe('build');
    expect(job['if']).toContain("startsWith(github.ref, 'refs/tags/v')");
    expect(job['environment']).toBe('pypi');
    expect(job['permissions']).toEqual({ 'id-token': 'write', contents: 'read' });
    const publish = steps('publish-python').find((s) => String(s['uses']).startsWith('pypa/gh-action-pypi-publish'));
    expect(publish?.['with']['packages-dir']).toBeDefined();
    // Trusted publishing: no token is passed.
    expect(JSON.stringify(steps('publish-python'))).not.toMatch(/secrets\./);
  });

  test('every script it runs exists and is executable', () => {
    const text = readFileSync(WORKFLOW, 'utf8');
    const referenced = [...new Set([...text.matchAll(/scripts\/pipeline\/[\w.-]+/g)].map((m) => m[0]))];
    expect(referenced.sort()).toEqual(SCRIPTS.map((s) => `scripts/pipeline/${s}`).sort());
    for (const path of referenced) {
      expect(existsSync(join(ROOT, path))).toBe(true);
      expect(statSync(join(ROOT, path)).mode & 0o111).not.toBe(0);
    }
  });
});
