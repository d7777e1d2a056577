/**
 * Multi-file closures (issue 15): a root document refers to a shared file whose other parts refer
 * to files the root never reaches. Only what is reached is read and bundled; chains through
 * several files and cycles across files (also back into the root) end up as internal refs; a
 * failure of the bundling library names the $ref, where it stands and why.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec, type LoadOptions } from '../../generator/bundle';
import { SpecError } from '../../generator/errors';
import { getAtPointer, parsePointer } from '../../generator/load/json-pointer';
import { refsOf } from '../support/refs';

const EDGE = join(__dirname, '..', 'fixtures', 'corpus', 'edge', 'multi-file-closure');
const LENIENT = join(__dirname, '..', 'fixtures', 'corpus', 'lenient');
const ROOT = 'TS90001_Nthing_Service.yaml';
const options = (refRoot: string): LoadOptions => ({ allowRemoteRefs: false, refRoot });


function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sdkgen-closure-'));
}

describe('bundle: closures of local files', () => {
  it('bundles a root whose shared file refers, from parts it never reaches, to other files', async () => {
    // Before issue 15 the library asked for TS90005_Unrelated.yaml (referenced only from
    // CommonData's unreached schemas) and the run died with `Error reading file`.
    const spec = await loadSpec(join(EDGE, ROOT), options(EDGE));
    expect(spec.warnings).toEqual([]);
    const doc = spec.document as Record<string, any>;
    expect(Object.keys(doc.components.schemas)).toEqual(['Thing', 'ThingId', 'SupportedFeatures', 'ProblemDetails', 'InvalidParam', 'Location', 'Area', 'Cell']);
    for (const ref of refsOf(doc)) {
      expect(ref.startsWith('#/')).toBe(true);
      expect(getAtPointer(doc, parsePointer(ref))).toBeDefined();
    }
    expect(JSON.stringify(doc)).not.toMatch(/Unrelated|Far/);
  });

  it('neither reads nor needs the files only unreached parts refer to', async () => {
    const dir = tempDir();
    cpSync(EDGE, dir, { recursive: true });
    rmSync(join(dir, 'TS90005_Unrelated.yaml'));
    rmSync(join(dir, 'TS90007_Far.yaml'));
    const spec = await loadSpec(join(dir, ROOT), options(dir));
    expect(spec.warnings).toEqual([]);
    // A shared file whose unreached part is broken beyond parsing is not read either.
    writeFileSync(join(dir, 'TS90005_Unrelated.yaml'), 'openapi: [unclosed\n');
    await expect(loadSpec(join(dir, ROOT), options(dir))).resolves.toBeDefined();
  });

  it('follows a chain through four files and a cycle across three', async () => {
    const spec = await loadSpec(join(EDGE, ROOT), options(EDGE));
    const schemas = (spec.document as Record<string, any>).components.schemas;
    expect(schemas.Location.properties.area).toEqual({ $ref: '#/components/schemas/Area' });
    expect(schemas.Area.properties.cells.items).toEqual({ $ref: '#/components/schemas/Cell' });
    // ChainC -> ChainA closes the cycle.
    expect(schemas.Cell.properties.within).toEqual({ $ref: '#/components/schemas/Location' });
    expect(spec.locate('#/components/schemas/Area/properties/cells')).toMatchObject({ file: join(EDGE, 'sub', 'TS90004_ChainB.yaml'), line: 8 });
    expect(spec.locate('#/components/schemas/Cell/properties/within')).toMatchObject({ file: join(EDGE, 'TS90006_ChainC.yaml'), line: 10 });
  });

  it('makes a ref back into the root from a file in another folder internal (a cycle through the root)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(
      join(dir, 'root.yaml'),
      "openapi: 3.0.3\ninfo: {title: C, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        loc: {$ref: 'sub/b.yaml#/Loc'}\n",
    );
    writeFileSync(join(dir, 'sub', 'b.yaml'), "Loc:\n  type: object\n  properties:\n    owner: {$ref: '../root.yaml#/components/schemas/Thing'}\n");
    const spec = await loadSpec(join(dir, 'root.yaml'), options(dir));
    expect(refsOf(spec.document).sort()).toEqual(['#/components/schemas/Loc', '#/components/schemas/Thing']);
  });

  it('still refuses what the ref policy refuses inside the reached part of a shared file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, 'secret.yaml'), 'S: {type: string}\n');
    writeFileSync(join(dir, 'api', 'common.yaml'), "Used: {$ref: '../secret.yaml#/S'}\nUnused: {$ref: 'https://example.com/x.yaml'}\n");
    writeFileSync(join(dir, 'api', 'root.yaml'), "openapi: 3.0.3\ninfo: {title: R, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    U: {$ref: 'common.yaml#/Used'}\n");
    const error = await loadSpec(join(dir, 'api', 'root.yaml'), options(join(dir, 'api'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const problems = (error as SpecError).problems;
    // The reached ref is refused (an error, whatever --strict says); the unreached remote one is never looked at.
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', location: { file: join(dir, 'api', 'common.yaml'), line: 1 } });
    expect(problems[0]?.message).toMatch(/'\.\.\/secret\.yaml#\/S' .*refused: .*outside the ref root/);
    expect(problems[0]?.workaround).toBeUndefined();
  });

  it('puts a dangling ref of another file back relative to the root, so it cannot resolve to a root schema', async () => {
    const spec = await loadSpec(join(LENIENT, 'dangling', 'missing-pointer.yaml'), options(LENIENT));
    const doc = spec.document as Record<string, any>;
    // fragment.yaml#/Thing/properties/inner is `$ref: '#/Gone'` of fragment.yaml, not of the root.
    const inner = JSON.stringify(doc).match(/"inner":\{"\$ref":"([^"]+)"\}/)?.[1];
    expect(inner).toBe('fragment.yaml#/Gone');
    expect(spec.danglingRefs?.has('fragment.yaml#/Gone')).toBe(true);
    const dangling = (spec.warnings ?? []).filter((w) => w.workaround !== undefined);
    expect(dangling.map((w) => `${w.location?.file.replace(`${LENIENT}/`, '')}:${w.location?.line}`)).toEqual([
      'dangling/fragment.yaml:6',
      'dangling/missing-pointer.yaml:12',
      'dangling/missing-pointer.yaml:16',
      'dangling/missing-pointer.yaml:23',
      'dangling/missing-pointer.yaml:29',
      'dangling/missing-pointer.yaml:31',
      'dangling/missing-pointer.yaml:40',
    ]);
  });
});

describe('bundle: failures of the bundling library', () => {
  it('name the $ref, where it stands (file:line:column) and the cause, and read nothing unvetted', async () => {
    // OpenAPI 3.1: the library resolves `part.yaml` against the `$id`, i.e. to a URL the ref
    // policy never saw (remote refs are not even allowed): refused, with the place of the $ref.
    const dir = tempDir();
    writeFileSync(join(dir, 'part.yaml'), 'type: string\n');
    const root = join(dir, 'root.yaml');
    writeFileSync(
      root,
      [
        'openapi: 3.1.0',
        "info: {title: Id, version: '1'}",
        'paths: {}',
        'components:',
        '  schemas:',
        '    Holder:',
        "      $id: 'https://schemas.example.com/holder/'",
        '      type: object',
        '      properties:',
        "        part: {$ref: 'part.yaml'}",
        '',
      ].join('\n'),
    );
    const error = await loadSpec(root, options(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const problem = (error as SpecError).problems[0];
    expect(problem).toMatchObject({ severity: 'error', location: { file: root, line: 10, column: 16 } });
    for (const part of ["$ref 'part.yaml'", '#/components/schemas/Holder/properties/part', root, 'https://schemas.example.com/holder/part.yaml', '$id']) {
      expect(problem?.message).toContain(part);
    }
  });
});
