/**
 * The response-validation modules (`src/validators.ts`, `_validators.py`) embed the validation
 * table as JSON text, one model or operation a line (`tableJson`). Each must read back, by the
 * target's own parser, as exactly the table the IR gives, whatever the spec's strings hold; each
 * must be what its formatter writes; and the Python module must pass ruff's line-length rule with
 * an exemption exactly when a line needs one (ruff reports a needless one too).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';
import * as prettier from 'prettier';
import { renderTargetFiles, viewInput } from '../../generator/pipeline';
import { renderTarget } from '../../generator/render';
import { pythonTarget } from '../../generator/targets/python';
import { fitsRuffLines, RUFF_SETTINGS } from '../../generator/targets/python/format';
import { tableJson, validationTable } from '../../generator/targets/validation-table';
import { buildNeutral, doc, targetConfig } from '../ir/helpers';

const VENV_PYTHON = join(__dirname, '..', '..', '.venv', 'bin', 'python');
const ruff = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
const LIMIT = RUFF_SETTINGS['line-length'];

/** Strings that could end or break out of a template literal, a `"""` string or JSON. */
const HOSTILE = ['`${process.exit()}`', '"""; import os #', 'ends in a quote"', 'back\\slash \\u0041', 'é 😀 \u2028 \u202e \ufeff', "it's"];

function api(schemas: Record<string, unknown>): Record<string, unknown> {
  const ok = (ref: string): Record<string, unknown> => ({ 200: { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } } });
  return doc({ schemas, paths: { '/things': { get: { operationId: 'getThing', responses: ok(Object.keys(schemas)[0] as string) } } } });
}

const hostileApi = api({
  Thing: {
    type: 'object',
    required: ['__proto__'],
    properties: {
      // A computed key: `__proto__: …` in a literal would set the object's prototype instead.
      ['__proto__']: { type: 'string', enum: HOSTILE },
      constructor: { type: 'string', pattern: '^[`$"\\\\]+$' },
      count: { type: 'integer', minimum: -3, maximum: 1e21 },
    },
  },
  'Odd "name" `x`': { type: 'string', enum: HOSTILE },
});

async function modules(spec: Record<string, unknown>): Promise<{ ts: string; py: string; table: unknown }> {
  const { ir } = buildNeutral(spec);
  const ts = (await renderTargetFiles(ir, targetConfig({ packageName: 'things' }))).find((f) => f.path === 'src/validators.ts');
  const py = (await renderTargetFiles(ir, targetConfig({ target: 'python', packageName: 'things' }))).find((f) => f.path === 'things/_validators.py');
  if (ts === undefined || py === undefined) throw new Error('no validators module');
  return { ts: ts.contents, py: py.contents, table: validationTable(ir.models, ir.services, (op) => op.operationId ?? '') };
}

/** The template literal `JSON.parse` reads for the constant `name` of validators.ts. */
function tsLiteral(text: string, name: string): string {
  const start = text.indexOf('JSON.parse(', text.indexOf(`const ${name} = `)) + 'JSON.parse('.length;
  return text.slice(start, text.indexOf('`) as ', start) + 1);
}

/** The `"""` string `json.loads` reads for the constant `name` of _validators.py. */
function pyLiteral(text: string, name: string): string {
  const start = text.indexOf('json.loads(', text.indexOf(`${name}: `)) + 'json.loads('.length;
  return text.slice(start, text.indexOf('""")', start) + 3);
}

describe('validators modules', () => {
  let out: { ts: string; py: string; table: unknown };
  beforeAll(async () => {
    out = await modules(hostileApi);
  });

  test('the JSON text: one entry a line, printable ASCII only, and the table itself when parsed', () => {
    const { schemas } = out.table as { schemas: Record<string, never> };
    const json = tableJson(schemas);
    const lines = json.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[lines.length - 1]).toBe('}');
    expect(lines.length).toBe(Object.keys(schemas).length + 2);
    expect(json).toMatch(/^[\n\x20-\x7e]*$/);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys((parsed['Thing'] as { properties: object }).properties)).toEqual(['__proto__', 'constructor', 'count']);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(schemas)));
    expect(tableJson({})).toBe('{}');
  });

  test('a bound that is not a finite number is left out, not written as null or 0', () => {
    const { ir } = buildNeutral(api({ N: { type: 'number', minimum: Number.NEGATIVE_INFINITY, maximum: 5 } }));
    expect(validationTable(ir.models, ir.services, () => 'op').schemas['N']).toEqual({ type: 'number', maximum: 5 });
  });

  test('TypeScript: JSON.parse of the template literal is the table, and Prettier leaves the module as it is', async () => {
    const { schemas, responses } = out.table as { schemas: unknown; responses: Record<string, unknown> };
    const evaluate = (name: string): unknown => {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      return new Function(`return JSON.parse(${tsLiteral(out.ts, name)});`)() as unknown;
    };
    expect(evaluate('SCHEMAS')).toEqual(JSON.parse(JSON.stringify(schemas)));
    expect(Object.keys(evaluate('RESPONSES') as object)).toEqual(Object.keys(responses));
    expect(tsLiteral(out.ts, 'SCHEMAS')).toMatch(/^[\n\x20-\x7e]*$/);
    expect(await prettier.format(out.ts, { parser: 'typescript', singleQuote: true, printWidth: 100 })).toBe(out.ts);
  });

  test('Python: json.loads of the """ string is the table, and ruff formats the module as it is', () => {
    const { schemas } = out.table as { schemas: unknown };
    const literal = pyLiteral(out.py, 'SCHEMAS');
    expect(literal).toMatch(/^[\n\x20-\x7e]*$/);
    const python = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
    const script = 'import ast, json, sys\nprint(json.dumps(json.loads(ast.literal_eval(sys.stdin.read()))))';
    expect(JSON.parse(execFileSync(python, ['-c', script], { input: literal }).toString())).toEqual(JSON.parse(JSON.stringify(schemas)));
    expect(ruff.format(out.py)).toBe(out.py);
    // As printed, the module is kept without ruff (a 2.7 MB module for GitHub's API).
    const { ir } = buildNeutral(hostileApi);
    const printed = renderTarget(pythonTarget, viewInput(ir, targetConfig({ target: 'python', packageName: 'things' })), []).find((f) => f.path === 'things/_validators.py');
    expect(printed?.styled).toBe(true);
    expect(fitsRuffLines(printed?.contents ?? '')).toBe(true);
  });
});

describe('_validators.py: the E501 exemption is there exactly when a line needs it', () => {
  const long = (n: number): string => 'w'.repeat(n);
  test.each<[string, Record<string, unknown>, boolean]>([
    ['short lines', { type: 'string', enum: ['a b'] }, false],
    ['a long line of one word', { type: 'string', enum: [long(LIMIT)] }, false],
    ['a long line with spaces', { type: 'string', enum: [`a b ${long(LIMIT)}`] }, true],
    ['a long line ending in a URL that starts within the limit', { type: 'string', pattern: `a b https://example.com/${long(LIMIT)}` }, false],
    ['a long line ending in a URL that starts past the limit', { type: 'string', pattern: `a ${long(LIMIT)} https://example.com/` }, true],
    ['a backslash doubled past the limit', { type: 'string', pattern: `a b ${'\\'.repeat(LIMIT / 2 - 10)}` }, true],
  ])('%s', async (_name, schema, exempt) => {
    const { py } = await modules(api({ Thing: schema }));
    expect(py.includes('# ruff: noqa: E501')).toBe(exempt);
    const python = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
    const args = ['-m', 'ruff', 'check', '--no-cache', '--isolated', '--select', 'E501,RUF100', '--line-length', String(LIMIT), '--stdin-filename', '_validators.py', '-'];
    expect(() => execFileSync(python, args, { input: py, stdio: 'pipe' })).not.toThrow();
  });
});
