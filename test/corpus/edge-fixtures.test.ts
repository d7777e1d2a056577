/**
 * The corpus fixtures are what they claim to be, judged by an independent checker
 * (scripts/corpus/lib/check-spec.mjs: parse → resolve every $ref inside the fixture's folder →
 * validate against the official OpenAPI schema with @seriousme/openapi-schema-validator):
 *   - every root document under test/fixtures/corpus/edge/ is valid (3.0/3.1; Swagger 2.0 only
 *     under edge/swagger2/), and says in its first lines what it exercises;
 *   - every file under test/fixtures/corpus/bad/ is invalid or unparseable (except fragments);
 *   - scripts/corpus/corpus.json is well formed.
 * It does not run the generator (test/corpus/corpus-ci.test.ts does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = path.resolve(__dirname, '../..');
const edgeDir = path.join(repo, 'test/fixtures/corpus/edge');
const badDir = path.join(repo, 'test/fixtures/corpus/bad');

interface CheckResult {
  ok: boolean;
  stage: string;
  version?: string;
  message: string;
}
interface CheckSpec {
  checkSpecFile(file: string, options?: { root?: string; versions?: string[] }): Promise<CheckResult>;
  listSpecFiles(dir: string): string[];
  isFragment(file: string): boolean;
  isRootDocument(file: string): boolean;
}

let lib: CheckSpec;
beforeAll(async () => {
  lib = (await import(pathToFileURL(path.join(repo, 'scripts/corpus/lib/check-spec.mjs')).href)) as CheckSpec;
});

const rel = (dir: string, f: string) => path.relative(dir, f).split(path.sep).join('/');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const lenientDir = path.join(repo, 'test/fixtures/corpus/lenient');
const edgeFiles = filesUnder(edgeDir);
const badFiles = filesUnder(badDir);
const lenientFiles = filesUnder(lenientDir);

describe('edge fixtures', () => {
  it('cover the constructs the corpus promises', () => {
    const names = edgeFiles.map((f) => rel(edgeDir, f));
    for (const expected of [
      'schemas/allof.yaml', 'schemas/polymorphism.yaml', 'schemas/nullable-30.yaml', 'schemas/nullable-31.yaml',
      'schemas/const-31.yaml', 'schemas/enums-odd.yaml', 'schemas/additional-properties.yaml', 'schemas/recursive.yaml',
      'schemas/readonly-writeonly.yaml', 'schemas/defaults-deprecated.yaml', 'schemas/formats.yaml',
      'schemas/free-form-empty.yaml', 'naming/operation-ids.yaml', 'naming/collisions.yaml', 'naming/reserved-words.yaml',
      'parameters/path-styles.yaml', 'parameters/query-styles.yaml', 'parameters/header-cookie.yaml',
      'bodies/request-bodies.yaml', 'responses/responses.yaml', 'servers/server-variables.yaml',
      'security/oauth2-client-credentials.yaml', 'security/oauth2-flows.yaml', 'security/schemes.yaml',
      'encoding/bom.json', 'multi-file/openapi.yaml', 'multi-file-closure/TS90001_Nthing_Service.yaml', 'swagger2/petstore-v2.yaml', 'hostile/strings.yaml',
      'hostile/names.yaml', 'hostile/raw-separators.json', 'webhooks/webhooks-only-31.yaml',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(edgeFiles.map((f) => [rel(edgeDir, f), f]))('%s says what it exercises', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (file.endsWith('.json')) {
      expect(JSON.parse(text)['x-comment']).toMatch(/^Exercises: /);
    } else {
      expect(text).toMatch(/^# (Exercises|Fragment)\b/);
    }
  });

  it.each(edgeFiles.map((f) => [rel(edgeDir, f), f]))('%s is a valid OpenAPI document (or a reachable fragment)', async (name, file) => {
    if (lib.isFragment(file)) {
      expect(lib.isRootDocument(file)).toBe(false);
      return;
    }
    const swagger2 = name.startsWith('swagger2/');
    const result = await lib.checkSpecFile(file, {
      root: path.dirname(file),
      versions: swagger2 ? ['2.0'] : ['3.0', '3.1'],
    });
    expect(result).toMatchObject({ ok: true, stage: 'ok' });
  });

  it('include both OpenAPI 3.0 and 3.1, YAML and JSON, and a UTF-8 BOM', async () => {
    const versions = new Set<string>();
    for (const f of edgeFiles) {
      if (lib.isFragment(f) || rel(edgeDir, f).startsWith('swagger2/')) continue;
      const r = await lib.checkSpecFile(f);
      if (r.version) versions.add(r.version);
    }
    expect([...versions].sort()).toEqual(['3.0', '3.1']);
    expect(edgeFiles.some((f) => f.endsWith('.json'))).toBe(true);
    const bom = fs.readFileSync(path.join(edgeDir, 'encoding/bom.json'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('multi-file fixture reaches files in other folders through relative $refs', () => {
    const root = fs.readFileSync(path.join(edgeDir, 'multi-file/openapi.yaml'), 'utf8');
    expect(root).toMatch(/\$ref: '\.?\/?paths\//);
    const fragment = fs.readFileSync(path.join(edgeDir, 'multi-file/paths/pets.yaml'), 'utf8');
    expect(fragment).toContain("$ref: '../schemas/");
  });

  it('hostile fixtures carry the hostile characters', () => {
    const all = ['strings.yaml', 'names.yaml', 'raw-separators.json']
      .map((f) => fs.readFileSync(path.join(edgeDir, 'hostile', f), 'utf8'))
      .join('\n');
    for (const needle of ['*/', '`', '${', '</script>', '../../etc', '\\u2028', '\u2028', '\u2029']) {
      expect(all).toContain(needle);
    }
  });
});

describe('bad fixtures', () => {
  const specs = badFiles.filter((f) => !fs.readFileSync(f, 'utf8').startsWith('# Fragment'));

  it('cover the failure kinds the corpus promises', () => {
    const names = specs.map((f) => rel(badDir, f));
    for (const expected of [
      'invalid-yaml.yaml', 'invalid-json.json', 'ref-remote.yaml',
      'ref-escape-relative.yaml', 'ref-escape-absolute.yaml', 'missing-info.yaml', 'wrong-types.yaml',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(specs.map((f) => [rel(badDir, f), f]))('%s is not a valid OpenAPI document', async (_name, file) => {
    const result = await lib.checkSpecFile(file, { root: path.dirname(file) });
    expect(result.ok).toBe(false);
    expect(result.message).not.toBe('');
  });

  it('fail for the intended reason', async () => {
    const stageOf = async (f: string) => (await lib.checkSpecFile(path.join(badDir, f), { root: path.dirname(path.join(badDir, f)) })).stage;
    expect(await stageOf('invalid-yaml.yaml')).toBe('parse');
    expect(await stageOf('invalid-json.json')).toBe('parse');
    for (const f of ['ref-remote.yaml', 'ref-escape-relative.yaml', 'ref-escape-absolute.yaml', 'refs/sub/escape-inner.yaml']) {
      expect(await stageOf(f)).toBe('refs');
    }
    for (const f of ['missing-info.yaml', 'wrong-types.yaml', 'wrong-types-operation.yaml', 'unsupported-version.yaml', 'not-openapi.yaml']) {
      expect(await stageOf(f)).toBe('schema');
    }
  });
});

describe('lenient fixtures', () => {
  const roots = lenientFiles.filter((f) => !fs.readFileSync(f, 'utf8').startsWith('# Fragment'));

  it('cover dangling refs (OpenAPI 3 and Swagger 2.0), partial closures and schema violations sdkgen works around', () => {
    expect(roots.map((f) => rel(lenientDir, f))).toEqual([
      'closure/api.yaml',
      'dangling/missing-file.yaml',
      'dangling/missing-pointer.yaml',
      'dangling/swagger2-definitions.yaml',
      'schema/parameter-keywords.yaml',
      'schema/token-url-templates.yaml',
      'schema/unknown-and-missing.yaml',
    ]);
  });

  it.each(roots.map((f) => [rel(lenientDir, f), f]))('%s says what it is lenient about, and fails the independent check', async (_name, file) => {
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# Lenient\b/);
    const result = await lib.checkSpecFile(file, { root: path.dirname(file), versions: ['2.0', '3.0', '3.1'] });
    expect(result.ok).toBe(false);
    expect(['refs', 'schema']).toContain(result.stage);
  });
});

describe('scripts/corpus/corpus.json', () => {
  const corpus = JSON.parse(fs.readFileSync(path.join(repo, 'scripts/corpus/corpus.json'), 'utf8'));
  const sources = JSON.parse(fs.readFileSync(path.join(repo, 'scripts/corpus/sources/package.json'), 'utf8'));

  it('lists pinned packages, each spec with a reason, without duplicates', () => {
    const deps = sources.dependencies as Record<string, string>;
    for (const version of Object.values(deps)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const keys = new Set<string>();
    for (const spec of corpus.specs) {
      // A file of a pinned npm package, or of a public repository at a pinned commit.
      if (spec.github !== undefined) {
        expect(spec.github).toMatch(/^[\w.-]+\/[\w.-]+$/);
        expect(spec.commit).toMatch(/^[0-9a-f]{40}$/);
        expect(spec.package).toBeUndefined();
      } else {
        expect(Object.keys(deps)).toContain(spec.package);
      }
      expect(typeof spec.path).toBe('string');
      expect(spec.why.length).toBeGreaterThan(10);
      expect(['compile', 'reject', 'clean', undefined]).toContain(spec.expect);
      expect(['reject', undefined]).toContain(spec.strict);
      const key = `${spec.package ?? spec.github}/${spec.path}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
    }
    expect(corpus.specs.length).toBeGreaterThanOrEqual(40);
    expect(fs.existsSync(path.join(repo, 'scripts/corpus/sources/package-lock.json'))).toBe(true);
  });

  it('marks a small CI subset plus the fixture folders', () => {
    const ci = corpus.specs.filter((s: { ci?: boolean }) => s.ci);
    expect(ci.length).toBeGreaterThanOrEqual(8);
    expect(ci.length).toBeLessThanOrEqual(16);
    expect(corpus.fixtures.map((g: { dir: string; ci: boolean }) => [g.dir, g.ci])).toEqual([
      ['test/fixtures/corpus/edge', true],
      ['test/fixtures/corpus/bad', true],
      ['test/fixtures/corpus/lenient', true],
    ]);
    // Specs of fetched repositories are not installed by `npm ci`: never in the CI subset.
    expect(ci.filter((s: { github?: string }) => s.github !== undefined)).toEqual([]);
  });

  const installed = fs.existsSync(path.join(repo, 'scripts/corpus/sources/node_modules'));
  (installed ? it : it.skip)('points at files that exist in the installed sources', () => {
    for (const spec of corpus.specs.filter((s: { package?: string }) => s.package !== undefined)) {
      expect(fs.existsSync(path.join(repo, 'scripts/corpus/sources/node_modules', spec.package, spec.path))).toBe(true);
    }
  });
});
