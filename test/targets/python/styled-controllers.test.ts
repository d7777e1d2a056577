/**
 * Controller modules are printed in ruff's layout (`./view/py-layout`) and, when every code line
 * fits, kept without running ruff. This checks that construct by construct against ruff itself:
 * operation constants whose parameter and security tuples split, error maps, names so long that
 * ruff parenthesizes the value or splits the annotation, parameters whose types split, overloads,
 * pages, per-operation servers, optional bodies, and the `with_raw_response` wrappers. Every kept
 * controller must be exactly what ruff writes; one too long to lay out must be left to ruff.
 */
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';
import { viewInput } from '../../../generator/pipeline';
import { renderTarget } from '../../../generator/render';
import { pythonTarget } from '../../../generator/targets/python';
import { fitsRuffLines, RUFF_SETTINGS } from '../../../generator/targets/python/format';
import { pyAssignment, pyCall, pyDef, pyStatement, pyTuple, pyTypeExpr, type PyExpr } from '../../../generator/targets/python/view/py-layout';
import { buildNeutral, doc, targetConfig } from '../../ir/helpers';

const ruff = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
const ok = { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } };
const problem = { description: 'problem', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const requestId = { name: 'RequestId', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } };
const query = (name: string): Record<string, unknown> => ({ name, in: 'query', schema: { type: 'string' } });
const option = (n: number): Record<string, unknown> => ({ type: 'object', properties: { [`field${n}`]: { type: 'string' } } });
// With the long response type below, `_NAME: Operation[Type] = Operation(` is over the line length
// for both, and `_NAME: Operation[Type] = (` too for the longer.
const LONG_ID = 'list-installation-repos';
const LONGER_ID = `${LONG_ID}-for-the-org`;
// A discriminated union (GitHub's `users/get-by-id`): calls inside a type.
const DISCRIMINATED = 'Annotated[Union[Annotated[PrivateUser, Tag("private")], Annotated[PublicUser, Tag("public")]], Discriminator(discriminator("user_view_type", "user_view_type"))]';

const schemas = {
  Item: { type: 'object', properties: { id: { type: 'string' } } },
  Problem: { type: 'object', properties: { title: { type: 'string' } } },
  ...Object.fromEntries([1, 2, 3, 4].map((n) => [`AVeryLongRequestBodyOptionNameNumber${n}`, option(n)])),
  ListInstallationRepositoriesForTheAuthenticatedUserOfAnOrganizationResponse: { type: 'object', properties: { total: { type: 'integer' } } },
};

export const SPEC = doc({
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        tags: ['items'],
        parameters: [requestId, ...['status', 'kind', 'owner', 'page', 'per_page', 'sort'].map(query), { name: 'tags', in: 'query', style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } }],
        'x-sdkgen-pagination': { style: 'page', parameter: 'page', size: 'per_page', items: 'data' },
        security: [{ oauth: ['items:read', 'items:write'] }, { apiKey: [] }],
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } } } } }, 400: problem, 404: problem, 429: problem, 500: problem, 503: problem, default: problem },
      },
      post: {
        operationId: 'createItemFromOneOfManyVeryLongRequestBodyOptions',
        tags: ['items'],
        parameters: [requestId, { name: 'owner', in: 'query', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [1, 2, 3, 4].map((n) => ({ $ref: `#/components/schemas/AVeryLongRequestBodyOptionNameNumber${n}` })) } } } },
        responses: { 201: ok },
      },
      put: {
        operationId: 'replaceItems',
        tags: ['items'],
        requestBody: { required: false, content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } } },
        servers: [{ url: 'https://{region}.uploads.example.com/v1', variables: { region: { default: 'eu', enum: ['eu', 'us'] } } }],
        responses: { 200: ok },
      },
    },
    '/installations': {
      get: {
        operationId: LONG_ID,
        tags: ['items'],
        parameters: [query('org')],
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/ListInstallationRepositoriesForTheAuthenticatedUserOfAnOrganizationResponse' } } } }, 404: problem },
      },
      delete: {
        operationId: LONGER_ID,
        tags: ['items'],
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/ListInstallationRepositoriesForTheAuthenticatedUserOfAnOrganizationResponse' } } } } },
      },
    },
  },
  extra: {
    components: {
      schemas,
      securitySchemes: {
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { 'items:read': 'read', 'items:write': 'write' } } } },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
  },
});

describe('python: controllers printed in ruff’s layout', () => {
  const { ir } = buildNeutral(SPEC);
  const files = renderTarget(pythonTarget, viewInput(ir, targetConfig({ target: 'python', packageName: 'pets' })), []);
  const controller = files.find((f) => f.path === 'pets/controllers/items_controller.py');

  test('the controller is styled and kept as printed: exactly what ruff writes', () => {
    expect(controller?.styled).toBe(true);
    const text = controller?.contents ?? '';
    expect(fitsRuffLines(text)).toBe(true);
    expect(ruff.format(text)).toBe(text);
  });

  test('it holds the constructs ruff lays out in each way', () => {
    const text = controller?.contents ?? '';
    // Tuples written with a trailing comma: one item per line.
    expect(text).toMatch(/ {4}params=\(\n {8}ParamSpec\("RequestId", "header", default=new_request_id\),\n/);
    expect(text).toMatch(/ {4}security=\(\n {8}\{"oauth": \("items:read", "items:write"\)\},\n {8}\{"apiKey": \(\)\},\n {4}\),/);
    expect(text).toMatch(/ {4}errors=\{\n {8}"400": \w+,\n/);
    // A constant whose head is too long: the value parenthesized; longer still: the annotation split.
    expect(text).toMatch(/^_LIST_INSTALLATION_REPOS: Operation\[\w+\] = \(\n {4}Operation\(\n/m);
    expect(text).toMatch(/^_LIST_INSTALLATION_REPOS_FOR_THE_ORG: Operation\[\n {4}\w+\n\] = Operation\(/m);
    // A parameter whose type splits, overloads, pages, servers, an optional body.
    expect(text).toMatch(/ {8}body: Union\[\n {12}AVeryLong\w+,\n/);
    expect(text).toContain('    @overload\n');
    expect(text).toMatch(/_LIST_ITEMS_PAGES: PageSpec\[Item\] = PageSpec\(/);
    expect(text).toMatch(/_REPLACE_ITEMS_SERVERS = \(\n {4}ServerSpec\(\n {8}"https:\/\/{region}/);
    expect(text).toContain('body=None if body is None else json_body(body, "application/json")');
  });

  test('the controller’s docs page is styled: every Python block kept as printed is what ruff writes', () => {
    const page = files.find((f) => f.path === 'docs/items_controller.md');
    expect(page?.styled).toBe(true);
    const blocks = [...(page?.contents ?? '').matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
    const kept = blocks.filter((block) => fitsRuffLines(block));
    expect(kept.length).toBeGreaterThan(3);
    for (const block of kept) expect(ruff.format(block)).toBe(block);
    // The README is styled too; its blocks are checked in styled-package.test.ts.
    expect(files.find((f) => f.path === 'README.md')?.styled).toBe(true);
  });

  test('a module with a line too long to lay out is left to ruff', () => {
    const text = controller?.contents ?? '';
    const long = text.replace('"listItems"', `"${'x'.repeat(130)}"`);
    expect(fitsRuffLines(long)).toBe(false);
  });
});

describe('py-layout against ruff', () => {
  const cases: Array<[string, string]> = [
    ['a call that fits', pyCallText('x = f(', ['a', 'b'])],
    ['arguments on a line of their own', pyCallText('value = some_function_name(', Array.from({ length: 8 }, (_, i) => `argument_number_${i}`))],
    ['one argument per line', pyCallText('value = some_function_name(', Array.from({ length: 12 }, (_, i) => `argument_number_${i}`))],
    ['a nested call that splits', pyCallText('value = f(', [pyCall('g(', Array.from({ length: 8 }, (_, i) => `argument_number_${i}`)), 'tail'])],
    ['a magic tuple inside a call that fits', pyCallText('value = f(', [pyTuple('', ['a', 'b'], true)])],
    ['a one-item tuple is not magic', pyCallText('value = f(', [pyTuple('', ['a'], true)])],
    ['a lone parameter gets a comma', `class A:\n    ${layoutDef('def method_with_a_long_name(', ['self'], 'R'.repeat(100))}\n        return 1`],
    ['parameters on a line of their own', `class A:\n    ${layoutDef('def method(', ['self', 'a: int', '*', 'b: Optional[str] = None', `c: ${'C'.repeat(60)}`], 'None')}\n        return None`],
    ['a split type in a parameter', `class A:\n    ${layoutDef('def method(', ['self', pyTypeExpr('body: ', `Union[${Array.from({ length: 3 }, (_, i) => `AVeryLongTypeNameNumber${i}ThatGoesOn`).join(', ')}]`, ''), 'x: int'], 'None')}\n        return None`],
    ['a split type with a default', `class A:\n    ${layoutDef('def method(', ['self', pyTypeExpr('body: ', `Optional[Dict[str, List[Union[${Array.from({ length: 3 }, (_, i) => `AVeryLongTypeNameNumber${i}ThatGoesOn`).join(', ')}]]]]`, ' = None')], 'None')}\n        return None`],
    ['an annotated constant whose value splits', pyAssignment('_NAME', pyTypeExpr('', 'Operation[Item]', ''), pyCall('Operation(', Array.from({ length: 10 }, (_, i) => `"argument-${i}"`)), 0)],
    ['an annotated constant parenthesized', pyAssignment(`_${'N'.repeat(70)}`, pyTypeExpr('', `Operation[${'T'.repeat(30)}]`, ''), pyCall('Operation(', ['"a"', '"b"']), 0)],
    ['an annotated constant with its annotation split', pyAssignment(`_${'N'.repeat(70)}`, pyTypeExpr('', `Operation[${'T'.repeat(50)}]`, ''), pyCall('Operation(', ['"a"', '"b"']), 0)],
    ['a return annotation that splits after the parameters', `class A:\n    ${layoutDef('def users_get_authenticated(', ['self', '*', 'options: Optional[RequestOptions] = None'], DISCRIMINATED)}\n        return None`],
    ['a constant whose annotation splits inside', pyAssignment('_USERS_GET_BY_ID', pyTypeExpr('', `Operation[${DISCRIMINATED}]`, ''), pyCall('Operation(', ['"users/get-by-id"', '"GET"', pyTypeExpr('response_type=', DISCRIMINATED, '')]), 0)],
    // Model fields and aliases (`models-view`).
    ['a field whose annotation splits before `= None`', classWith(pyAssignment('enterprise_custom_properties_for_organizations', pyTypeExpr('', `Optional[${'P'.repeat(56)}]`, ''), 'None', 4))],
    ['a field whose `None` is parenthesized', classWith(pyAssignment('organization_administration', pyTypeExpr('', `Optional[${'P'.repeat(73)}]`, ''), 'None', 4))],
    ['an enum member parenthesized', classWith(pyAssignment('provider', pyTypeExpr('', 'P'.repeat(60), ''), `${'P'.repeat(60)}.GITHUB`, 4))],
    ['a field without a value whose annotation splits', classWith(pyAssignment('data', pyTypeExpr('', `Union[${'D'.repeat(61)}, ${'E'.repeat(61)}]`, ''), undefined, 4))],
    ['a field whose Field(...) is parenthesized', classWith(pyAssignment('previous_node_id', pyTypeExpr('', `Optional[${'W'.repeat(83)}]`, ''), pyCall('Field(', ['default=None', 'alias="x"']), 4))],
    ['a field whose Field(...) splits', classWith(pyAssignment('x', pyTypeExpr('', `Optional[${'W'.repeat(80)}]`, ''), pyCall('Field(', ['default=None', `validation_alias="${'v'.repeat(40)}"`, `serialization_alias="${'v'.repeat(40)}"`]), 4))],
    ['an alias that splits', pyAssignment('IssueEventForIssue', undefined, pyTypeExpr('', `Union[${Array.from({ length: 8 }, (_, i) => `LabeledIssueEvent${i}`).join(', ')}]`, ''), 0)],
  ];
  test.each(cases)('%s', (_label, text) => {
    const module = `${text}\n`;
    expect(ruff.format(module)).toBe(module);
  });
});

/** `field` (indented 4) in a class. */
function classWith(field: string): string {
  return `class A:\n${field}`;
}

function pyCallText(open: string, args: readonly PyExpr[]): string {
  return pyStatement(pyCall(open, args), 0);
}

/** A method of a class `A` (indented 4). */
function layoutDef(open: string, params: readonly PyExpr[], returns: string, suffix = ':'): string {
  return pyStatement(pyDef(open, params, pyTypeExpr('', returns, ''), suffix), 4).trimStart();
}
