import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError } from '../../generator/errors';
import { loadSourceFile, parseSource } from '../../generator/load';
import { findJsonSyntaxError } from '../../generator/load/json-syntax';
import { formatPointer, getAtPointer, parsePointer } from '../../generator/load/json-pointer';

const SPECS = join(__dirname, '..', 'fixtures', 'specs');

async function loadError(path: string): Promise<SpecError> {
  try {
    await loadSourceFile(path);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('load: parsing', () => {
  it.each([
    ['YAML', 'a: 1\nb:\n  - x\n', 'f.yaml', { a: 1, b: ['x'] }],
    ['JSON by extension', '{"a": [1, 2]}', 'f.json', { a: [1, 2] }],
    ['JSON by first character', ' {"a": true}', 'f.txt', { a: true }],
    ['YAML merge keys', 'base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n', 'f.yaml', { base: { x: 1 }, derived: { x: 1, y: 2 } }],
  ])('parses %s', (_name, text, file, expected) => {
    expect(parseSource(text, `/tmp/${file}`).value).toEqual(expected);
  });

  it('strips a UTF-8 BOM before JSON.parse', async () => {
    const doc = await loadSourceFile(join(SPECS, 'bom.json'));
    expect(doc.format).toBe('json');
    expect((doc.value as { info: { title: string } }).info.title).toBe('BOM');
  });

  it('reports broken YAML with file, line and column', async () => {
    const error = await loadError(join(SPECS, 'broken.yaml'));
    const first = error.problems[0];
    expect(first?.location).toEqual({ file: join(SPECS, 'broken.yaml'), line: 6, column: 11 });
    expect(first?.message).toMatch(/^YAML syntax error: /);
    expect(first?.message).not.toMatch(/\n/);
  });

  it('reports broken JSON with line and column even when V8 gives no position', async () => {
    const error = await loadError(join(SPECS, 'broken.json'));
    expect(error.problems[0]?.location).toEqual({ file: join(SPECS, 'broken.json'), line: 4, column: 22 });
  });

  it('reports a missing file as a SpecError', async () => {
    const error = await loadError(join(SPECS, 'nope.yaml'));
    expect(error.message).toMatch(/cannot read .*nope\.yaml: no such file/);
  });

  it('rejects duplicate keys in YAML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-load-'));
    writeFileSync(join(dir, 'dup.yaml'), 'a: 1\na: 2\n');
    const error = await loadError(join(dir, 'dup.yaml'));
    expect(error.problems[0]?.location?.line).toBe(2);
  });
});

describe('load: locating', () => {
  const yaml = 'openapi: 3.0.3\npaths:\n  /pets:\n    get:\n      operationId: list\n  /a~b: {}\nlist:\n  - x\n  - y\n';
  it.each([
    [['paths', '/pets', 'get'], 4, 5],
    [['paths', '/pets', 'get', 'operationId'], 5, 7],
    [['paths', '/a~b'], 6, 3],
    [['list', '1'], 9, 5],
    // Missing segments fall back to the deepest existing ancestor.
    [['paths', '/pets', 'post'], 3, 3],
  ])('YAML %j → line %i column %i', (segments, line, column) => {
    expect(parseSource(yaml, '/x.yaml').locate(segments)).toEqual({ file: '/x.yaml', line, column });
  });

  it('locates in JSON lazily', () => {
    const doc = parseSource('{\n  "paths": {\n    "/pets": { "get": {} }\n  }\n}', '/x.json');
    expect(doc.locate(['paths', '/pets', 'get'])).toEqual({ file: '/x.json', line: 3, column: 16 });
  });
});

describe('load: JSON pointers and the JSON syntax scanner', () => {
  it.each([
    ['#', []],
    ['#/a/b', ['a', 'b']],
    ['#/paths/~1pets~1{id}', ['paths', '/pets/{id}']],
    ['#/a~0b', ['a~b']],
    ['#/paths/~1pets%7Bid%7D', ['paths', '/pets{id}']],
  ])('parses %s', (pointer, segments) => {
    expect(parsePointer(pointer)).toEqual(segments);
    if (!pointer.includes('%')) expect(formatPointer(segments)).toBe(pointer);
  });

  it('follows pointers through objects and arrays', () => {
    expect(getAtPointer({ a: [{ b: 1 }] }, ['a', '0', 'b'])).toBe(1);
    expect(getAtPointer({ a: [] }, ['a', '01'])).toBeUndefined();
    expect(getAtPointer({}, ['toString'])).toBeUndefined();
  });

  it.each([
    ['{"a": 1}', undefined],
    ['{"a": 1,}', 8],
    ['[1,,2]', 3],
    ['{"a" 1}', 5],
    ['"x\\q"', 2],
    ['{} x', 3],
  ])('finds the first syntax error in %j', (text, offset) => {
    expect(findJsonSyntaxError(text)?.offset).toBe(offset);
  });
});
