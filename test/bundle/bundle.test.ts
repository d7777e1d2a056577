import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec, type LoadOptions } from '../../generator/bundle';
import { SpecError } from '../../generator/errors';
import { getAtPointer, parsePointer } from '../../generator/load/json-pointer';
import { refsOf } from '../support/refs';

const SPECS = join(__dirname, '..', 'fixtures', 'specs');
const strict = (refRoot: string): LoadOptions => ({ allowRemoteRefs: false, refRoot });

async function loadError(input: string, options: LoadOptions): Promise<SpecError> {
  try {
    await loadSpec(input, options);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error(`expected ${input} to fail`);
}


describe('bundle: multi-file specs', () => {
  const input = join(SPECS, 'multi', 'api', 'openapi.yaml');

  it('inlines refs across folders, leaving only internal refs (and literal data untouched)', async () => {
    const spec = await loadSpec(input, strict(join(SPECS, 'multi')));
    const refs = refsOf(spec.document);
    const example = getAtPointer(spec.document, parsePointer('#/paths/~1pets/get/responses/200/content/application~1json/example'));
    // The example's `$ref` is data: kept byte for byte, never fetched.
    expect(example).toEqual([{ $ref: 'https://example.com/not-a-ref-just-data' }]);
    expect(refs.filter((r) => !r.startsWith('#') && !r.startsWith('https://example.com/not-a-ref'))).toEqual([]);
    for (const ref of refs.filter((r) => r.startsWith('#'))) {
      expect(getAtPointer(spec.document, parsePointer(ref))).toBeDefined();
    }
    // The property called "default" is a schema, not literal data: kept as-is.
    const pet = JSON.stringify(spec.document);
    expect(pet).toContain('a property called \\"default\\" is a name');
  });

  it('locates pointers of the bundled document in the file they came from', async () => {
    const spec = await loadSpec(input, strict(join(SPECS, 'multi')));
    expect(spec.locate('#/paths/~1pets/get/operationId')).toEqual({
      file: join(SPECS, 'multi', 'api', 'paths', 'pets.yaml'),
      line: 2,
      column: 3,
    });
    expect(spec.locate('#/info/title')).toEqual({ file: input, line: 3, column: 3 });
    // Find the inlined Pet schema wherever the library put it, and check it maps to schemas.yaml.
    const found = findPointer(spec.document, (node) => (node as { required?: unknown }).required?.toString() === 'id');
    expect(found).toBeDefined();
    expect(spec.locate(`${found}/properties/id`)?.file).toBe(join(SPECS, 'multi', 'shared', 'schemas.yaml'));
  });

  it('takes the fast path for a self-contained document (the document is the parsed file)', async () => {
    const spec = await loadSpec(join(SPECS, 'petstore.yaml'), strict(SPECS));
    expect(spec.document.openapi).toBe('3.0.3');
    expect(spec.locate('#/components/schemas/Pet')).toEqual({ file: join(SPECS, 'petstore.yaml'), line: 46, column: 5 });
  });

  it('loads a JSON spec with a BOM', async () => {
    const spec = await loadSpec(join(SPECS, 'bom.json'), strict(SPECS));
    expect(spec.document.openapi).toBe('3.0.3');
  });
});

describe('bundle: refused and unresolvable refs', () => {
  it('a remote ref without the flag → SpecError naming the ref, its pointer and the file', async () => {
    const input = join(SPECS, 'refs/remote.yaml');
    const error = await loadError(input, strict(join(SPECS, 'refs')));
    const problem = error.problems[0];
    for (const fragment of ["'https://example.com/schemas/pet.yaml#/Pet'", '--allow-remote-refs', '#/components/schemas/Pet', input]) {
      expect(problem?.message).toContain(fragment);
    }
    expect(problem).toMatchObject({ severity: 'error', location: { file: input, line: 7 } });
    expect(problem?.workaround).toBeUndefined();
  });

  it.each([
    ['a missing file', 'refs/missing-file.yaml', ["'./does-not-exist.yaml#/Pet'", '#/components/schemas/Pet', 'file not found']],
    ['a missing pointer', 'refs/missing-pointer.yaml', ["'./shared.yaml#/Nope'", '#/components/schemas/Pet', '#/Nope does not exist']],
  ])('%s is a dangling $ref: a located warning whose target is typed unknown (an error only with --strict)', async (_name, file, fragments) => {
    const input = join(SPECS, file);
    const spec = await loadSpec(input, strict(join(SPECS, 'refs')));
    const problem = spec.warnings?.[0];
    for (const fragment of fragments) expect(problem?.message).toContain(fragment);
    expect(problem?.message).toContain(input);
    expect(problem).toMatchObject({ severity: 'warning', workaround: 'its target is typed `unknown`', location: { file: input, line: 7 } });
    // The ref is left in place, resolving to nothing (the IR types it `unknown`).
    expect(spec.danglingRefs?.size).toBeGreaterThan(0);
  });

  it('reports every dangling ref, internal missing pointers included, each at its own line', async () => {
    const spec = await loadSpec(join(SPECS, 'refs/missing-pointer.yaml'), strict(join(SPECS, 'refs')));
    const dangling = (spec.warnings ?? []).filter((p) => p.workaround !== undefined);
    expect(dangling.map((p) => p.location?.line)).toEqual([7, 9]);
    expect(dangling[1]?.message).toContain('#/components/schemas/Gone does not exist');
    expect([...(spec.danglingRefs ?? [])].sort()).toEqual(['#/components/schemas/Gone', './shared.yaml#/Nope']);
  });

  it('refuses traversal, absolute and file:// refs outside the ref root', async () => {
    const input = join(SPECS, 'traversal', 'inner', 'escape.yaml');
    const error = await loadError(input, strict(join(SPECS, 'traversal', 'inner')));
    const messages = error.problems.map((p) => p.message);
    expect(messages).toHaveLength(4);
    for (const [ref, pointer] of [
      ['../../../../../../../../etc/passwd', '#/components/schemas/Passwd'],
      ['/etc/hosts', '#/components/schemas/Absolute'],
      ['file:///etc/hosts', '#/components/schemas/FileUrl'],
      ['../outside.yaml#/Thing', '#/components/schemas/Sibling'],
    ]) {
      expect(messages.find((m) => m.includes(`'${ref}'`))).toMatch(new RegExp(`at ${pointer} in .*escape\\.yaml: refused: .*outside the ref root`));
    }
    // None of the refused files was read: the messages never contain their contents.
    expect(messages.join('\n')).not.toMatch(/root:x:0:0|localhost/);
  });

  it('allows a sibling folder once the ref root is widened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, 'thing.yaml'), 'Thing: {type: string}\n');
    writeFileSync(
      join(dir, 'api', 'openapi.yaml'),
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    T: {$ref: '../thing.yaml#/Thing'}\n",
    );
    await expect(loadSpec(join(dir, 'api', 'openapi.yaml'), strict(join(dir, 'api')))).rejects.toThrow(SpecError);
    const spec = await loadSpec(join(dir, 'api', 'openapi.yaml'), strict(dir));
    expect(getAtPointer(spec.document, ['components', 'schemas', 'T'])).toEqual({ type: 'string' });
  });

  it('refuses a symlink inside the ref root that points outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
    const outside = mkdtempSync(join(tmpdir(), 'sdkgen-outside-'));
    writeFileSync(join(outside, 'secret.yaml'), 'Secret: {type: string, description: do-not-leak}\n');
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link.yaml'));
    writeFileSync(
      join(dir, 'openapi.yaml'),
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S: {$ref: './link.yaml#/Secret'}\n",
    );
    const error = await loadError(join(dir, 'openapi.yaml'), strict(dir));
    expect(error.problems[0]?.message).toMatch(/'\.\/link\.yaml#\/Secret' at #\/components\/schemas\/S .*symlink.*outside the ref root/);
  });

  it('rejects a Swagger version other than 2.0 with a clear, located message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
    writeFileSync(join(dir, 'old.yaml'), "swagger: '1.2'\ninfo: {title: Old, version: '1'}\n");
    const error = await loadError(join(dir, 'old.yaml'), strict(dir));
    expect(error.message).toMatch(/unsupported Swagger version "1\.2"/);
    expect(error.problems[0]).toMatchObject({ pointer: '#/swagger', location: { line: 1, column: 1 } });
  });

  it('rejects a document that is not a mapping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
    writeFileSync(join(dir, 'list.yaml'), '- 1\n- 2\n');
    await expect(loadSpec(join(dir, 'list.yaml'), strict(dir))).rejects.toThrow(/does not contain an OpenAPI document/);
  });

  it('survives refs that loop between files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
    writeFileSync(join(dir, 'a.yaml'), "A:\n  type: object\n  properties:\n    b: {$ref: 'b.yaml#/B'}\n");
    writeFileSync(join(dir, 'b.yaml'), "B:\n  type: object\n  properties:\n    a: {$ref: 'a.yaml#/A'}\n");
    writeFileSync(
      join(dir, 'openapi.yaml'),
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'a.yaml#/A'}\n",
    );
    const spec = await loadSpec(join(dir, 'openapi.yaml'), strict(dir));
    expect(refsOf(spec.document).every((r) => r.startsWith('#/'))).toBe(true);
  });
});

describe('bundle: refs the library creates', () => {
  it('percent-encodes characters a URI fragment may not hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
    writeFileSync(join(dir, 'params.yaml'), 'id:\n  name: id\n  in: path\n  required: true\n  schema: {type: string, format: uuid}\n');
    writeFileSync(
      join(dir, 'openapi.yaml'),
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /pets/{id}:\n    parameters:\n      - $ref: 'params.yaml#/id'\n" +
        "    get:\n      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n    Id: {$ref: 'params.yaml#/id/schema'}\n",
    );
    const spec = await loadSpec(join(dir, 'openapi.yaml'), strict(dir));
    const refs = refsOf(spec.document);
    expect(refs.some((r) => r.includes('%7B'))).toBe(true);
    expect(refs.every((r) => !/[{} ]/.test(r))).toBe(true);
    for (const ref of refs) expect(getAtPointer(spec.document, parsePointer(ref))).toBeDefined();
  });
});

/** First pointer (depth-first) whose node satisfies `test`. */
function findPointer(node: unknown, test: (node: unknown) => boolean, at = '#'): string | undefined {
  if (node && typeof node === 'object') {
    if (test(node)) return at;
    for (const [key, value] of Object.entries(node)) {
      const found = findPointer(value, test, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (found) return found;
    }
  }
  return undefined;
}

describe('bundle: Swagger 2.0 is converted to OpenAPI 3.0 (swagger2openapi)', () => {
  const EDGE = join(__dirname, '..', 'fixtures', 'corpus', 'edge', 'swagger2');

  it('converts the minimal document', async () => {
    const spec = await loadSpec(join(SPECS, 'swagger2.yaml'), strict(SPECS));
    expect(spec.document).toMatchObject({ openapi: expect.stringMatching(/^3\.0\./), info: { title: 'Old' } });
    expect(spec.document).not.toHaveProperty('swagger');
  });

  it('converts definitions, body/formData parameters and security definitions; refs stay internal', async () => {
    const spec = await loadSpec(join(EDGE, 'petstore-v2.yaml'), strict(EDGE));
    const doc = spec.document as Record<string, any>;
    expect(Object.keys(doc.components.schemas)).toContain('Pet');
    expect(doc.servers).toEqual([{ url: 'https://api.example.com/v1' }]);
    expect(doc.paths['/pets'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Pet' });
    expect(Object.keys(doc.paths['/pets/{id}/photo'].post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(doc.components.securitySchemes.app.flows.clientCredentials.tokenUrl).toBe('https://api.example.com/oauth/token');
    for (const ref of refsOf(doc)) expect(getAtPointer(doc, parsePointer(ref))).toBeDefined();
  });

  it('locates converted pointers in the Swagger source', async () => {
    const file = join(EDGE, 'petstore-v2.yaml');
    const spec = await loadSpec(file, strict(EDGE));
    const text = readFileSync(file, 'utf8').split('\n');
    const lineOf = (needle: string): number => text.findIndex((l) => l.startsWith(needle)) + 1;
    expect(spec.locate('#/components/schemas/Pet')).toMatchObject({ file, line: lineOf('  Pet:') });
    expect(spec.locate('#/components/securitySchemes/key')).toMatchObject({ file, line: lineOf('  key:') });
    // 3.0-only steps (requestBody/content/<type>) map to the nearest node Swagger has.
    expect(spec.locate('#/paths/~1pets/get/responses/200/content/application~1json/schema')?.line).toBeGreaterThan(lineOf('paths:'));
  });

  it('reports what the converter patched or could not convert as warnings, not errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
    // `type: file` outside formData and a body parameter without a schema need fixing up.
    writeFileSync(
      join(dir, 'odd.yaml'),
      [
        "swagger: '2.0'",
        "info: {title: Odd, version: '1'}",
        'paths:',
        '  /x:',
        '    get:',
        '      parameters:',
        '        - {name: q, in: query, type: string, required: false, allowEmptyValue: true, x-nullable: true}',
        '      responses:',
        "        '200': {description: OK, schema: {type: string, x-nullable: true}}",
        '',
      ].join('\n'),
    );
    const spec = await loadSpec(join(dir, 'odd.yaml'), strict(dir));
    expect(spec.document).toHaveProperty('openapi');
    for (const warning of spec.warnings ?? []) {
      expect(warning).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^Swagger 2\.0 conversion: /) });
      expect(warning.location?.file).toBe(join(dir, 'odd.yaml'));
    }
    expect((spec.warnings ?? []).length).toBeGreaterThan(0);
  });
});

describe('bundle: schemas of other files are named after their $ref', () => {
  const EDGE = join(__dirname, '..', 'fixtures', 'corpus', 'edge', 'multi-file');

  it('moves them to components/schemas under the ref\'s last token or file name; one place per schema', async () => {
    const spec = await loadSpec(join(EDGE, 'openapi.yaml'), strict(EDGE));
    const doc = spec.document as Record<string, any>;
    // Pet and Error were named by the author; NewPet, PetId (pet.yaml#/…) and owner (owner.yaml) by their refs.
    expect(Object.keys(doc.components.schemas)).toEqual(['Pet', 'Error', 'NewPet', 'PetId', 'owner']);
    expect(doc.paths['/pets'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/NewPet' });
    expect(doc.components.schemas.Pet.allOf[0]).toEqual({ $ref: '#/components/schemas/NewPet' });
    expect(doc.components.schemas.Pet.allOf[1].properties.owner).toEqual({ $ref: '#/components/schemas/owner' });
    expect(doc.paths['/pets/{petId}'].parameters[0].schema).toEqual({ $ref: '#/components/schemas/PetId' });
    // Every ref resolves, and no ref points into paths any more.
    for (const ref of refsOf(doc)) {
      expect(getAtPointer(doc, parsePointer(ref))).toBeDefined();
      expect(ref.startsWith('#/paths/')).toBe(false);
    }
    // Moved schemas still locate in their own file.
    expect(spec.locate('#/components/schemas/NewPet/properties/name')?.file).toBe(join(EDGE, 'schemas', 'pet.yaml'));
  });

  test.each<[string, string, string]>([
    ['file#/Key → Key', "X: {$ref: 'defs.yaml#/Widget'}", 'Widget'],
    ['whole file → file name', "X: {$ref: 'gadget-part.yaml'}", 'gadget-part'],
    ['numeric last token → file name + token', "X: {$ref: 'list.yaml#/items/0'}", 'list_0'],
  ])('%s', async (_label, property, expectedKey) => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-hoist-'));
    writeFileSync(join(dir, 'defs.yaml'), 'Widget: {type: object, properties: {a: {type: string}}}\n');
    writeFileSync(join(dir, 'gadget-part.yaml'), 'type: object\nproperties: {b: {type: string}}\n');
    writeFileSync(join(dir, 'list.yaml'), 'items:\n  - {type: object, properties: {c: {type: string}}}\n');
    writeFileSync(
      join(dir, 'openapi.yaml'),
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n        " +
        property +
        '\n',
    );
    const spec = await loadSpec(join(dir, 'openapi.yaml'), strict(dir));
    const doc = spec.document as Record<string, any>;
    expect(Object.keys(doc.components.schemas)).toEqual(['Holder', expectedKey]);
    expect(doc.components.schemas.Holder.properties.X).toEqual({ $ref: `#/components/schemas/${expectedKey}` });
  });
});
