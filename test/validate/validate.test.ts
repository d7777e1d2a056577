import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '../../generator/bundle';
import type { Problem } from '../../generator/problems';
import { validateSpec } from '../../generator/validate';

const SPECS = join(__dirname, '..', 'fixtures', 'specs');

async function problemsOf(input: string, refRoot = SPECS): Promise<Problem[]> {
  return validateSpec(await loadSpec(input, { allowRemoteRefs: false, refRoot }));
}

/** Writes a one-off spec in a temp folder. */
function specFile(text: string, name = 'openapi.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-validate-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('validate', () => {
  it.each([['petstore.yaml'], ['bom.json'], ['multi/api/openapi.yaml']])('accepts %s', async (file) => {
    expect(await problemsOf(join(SPECS, file))).toEqual([]);
  });

  it('reports duplicate operationIds at the second use', async () => {
    const problems = await problemsOf(join(SPECS, 'duplicate-operation-ids.yaml'));
    const duplicate = problems.find((p) => p.message.includes('duplicate operationId'));
    expect(duplicate).toMatchObject({
      severity: 'error',
      message: "duplicate operationId 'fetch' on GET /b/{id} (already used by GET /a)",
      pointer: '#/paths/~1b~1{id}/get/operationId',
      location: { file: join(SPECS, 'duplicate-operation-ids.yaml'), line: 11, column: 7 },
    });
  });

  it('reports a path template parameter without an `in: path` parameter (worked around: a warning unless --strict)', async () => {
    const problems = await problemsOf(join(SPECS, 'duplicate-operation-ids.yaml'));
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: "path parameter 'id' of GET /b/{id} is not declared",
        workaround: 'sdkgen adds it as a required string path parameter',
      }),
    );
  });

  it('keeps an undeclared {variable} of a query written into the path an error', async () => {
    const input = specFile(`openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /uploads?convert={convert}:
    post:
      parameters:
        - {name: convert, in: query, schema: {type: boolean}}
      responses: {'204': {description: ok}}
`);
    const problems = await problemsOf(input, join(input, '..'));
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^path parameter 'convert' of POST \/uploads\?convert=\{convert\} is not declared/) }),
    ]);
    expect(problems[0]?.workaround).toBeUndefined();
  });

  it('accepts path parameters declared on the path item or through a $ref', async () => {
    const input = specFile(`openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a/{x}/{y}:
    parameters:
      - {name: x, in: path, required: true, schema: {type: string}}
    get:
      parameters:
        - $ref: '#/components/parameters/Y'
      responses: {'200': {description: ok}}
components:
  parameters:
    Y: {name: y, in: path, required: true, schema: {type: string}}
`);
    expect(await problemsOf(input, join(input, '..'))).toEqual([]);
  });

  it.each([
    ['4.0.0', 'openapi: 4.0.0'],
    ['2.0', 'openapi: "2.0"'],
    ['a number', 'openapi: 3.1'],
  ])('rejects an unsupported openapi version (%s)', async (_name, line) => {
    const input = specFile(`${line}\ninfo: {title: T, version: '1'}\npaths: {}\n`);
    const problems = await problemsOf(input, join(input, '..'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/unsupported OpenAPI version .*3\.0\.x and 3\.1\.x/);
    expect(problems[0]?.location?.line).toBe(1);
  });

  it('turns schema violations into precise, located problems in reading order (no oneOf noise)', async () => {
    const problems = await problemsOf(join(SPECS, 'schema-invalid.yaml'));
    expect(problems.map((p) => [p.severity, p.message, p.pointer, p.location?.line, p.workaround])).toEqual([
      ['error', 'must be string', '#/paths/~1pets/get/summary', 9, undefined],
      ['warning', "missing required property 'description'", '#/paths/~1pets/get/responses/200', 11, 'the SDK does not need one'],
      ['warning', "unknown property 'bogus'", '#/paths/~1pets/get/bogus', 13, 'it is ignored'],
    ]);
  });

  // A `pattern` does not affect a TypeScript SDK: a non-ECMA-262 one (Ruby's \A / \Z, as in
  // Linode's spec) is a located warning, while a real error next to it stays an error.
  it.each([
    ['3.0.3', '\\A[a-z]+\\Z'],
    ['3.0.3', '(?<name'],
  ])('reports a non-ECMA-262 pattern as a warning (%s, %s)', async (version, pattern) => {
    const input = specFile(`openapi: ${version}
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Label:
      type: string
      pattern: '${pattern}'
`);
    const problems = await problemsOf(input, join(input, '..'));
    expect(problems).toEqual([
      {
        severity: 'warning',
        message: 'pattern is not an ECMA-262 regular expression; it is ignored (the SDK does not check patterns)',
        pointer: '#/components/schemas/Label/pattern',
        location: { file: input, line: 8, column: 7 },
      },
    ]);
  });

  it('does not check patterns of OpenAPI 3.1 schemas at all (the 3.1 schema leaves them to the dialect)', async () => {
    const input = specFile("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    L: {type: string, pattern: '\\A[a-z]+\\Z'}\n");
    expect(await problemsOf(input, join(input, '..'))).toEqual([]);
  });

  it('keeps real errors beside a foreign pattern', async () => {
    const input = specFile(
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    L: {type: string, pattern: '\\Ax\\Z'}\n    M: {type: string, minLength: -1}\n",
    );
    const problems = await problemsOf(input, join(input, '..'));
    expect(problems.map((p) => p.severity).sort()).toEqual(['error', 'warning']);
  });

  it('validates OpenAPI 3.1 documents', async () => {
    const input = specFile(`openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: [string, 'null']}
webhooks: {}
`);
    expect(await problemsOf(input, join(input, '..'))).toEqual([]);
    const bad = specFile("openapi: 3.1.0\ninfo: {version: '1'}\npaths: {}\n");
    expect((await problemsOf(bad, join(bad, '..'))).map((p) => p.message)).toEqual(["missing required property 'title'"]);
  });

  it('locates problems inside referenced files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-validate-'));
    writeFileSync(join(dir, 'responses.yaml'), 'Ok:\n  content: {}\n');
    writeFileSync(
      join(dir, 'openapi.yaml'),
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: 'responses.yaml#/Ok'}\n",
    );
    const problems = await problemsOf(join(dir, 'openapi.yaml'), dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe("missing required property 'description'");
    expect(problems[0]?.location).toEqual({ file: join(dir, 'responses.yaml'), line: 1, column: 1 });
  });
});
