/**
 * What the IR does with schema violations whose meaning is clear (issue 15; the validate stage
 * reports each as a warning, see generator/validate/workarounds.ts): schema keywords on a
 * Parameter object are read as its schema, and OAuth token URLs written as server-variable
 * templates are expanded through the server variables or left to configuration.
 */
import { describeSchema } from '../../generator/ir/describe';
import type { Ir, IrSchema } from '../../generator/ir';
import { buildNeutral, doc, render } from './helpers';

/** The parameters of the first operation, each schema followed through an inline model (enums are named). */
function parameterSchemas(ir: Ir): string[] {
  const resolve = (schema: IrSchema): IrSchema =>
    schema.kind === 'ref' && ir.models.find((m) => m.name === schema.model)?.origin === 'inline'
      ? (ir.models.find((m) => m.name === schema.model)?.schema ?? schema)
      : schema;
  return (ir.services[0]?.operations[0]?.parameters ?? []).map((p) => describeSchema(resolve(p.schema)));
}

const operation = (parameters: unknown[]): Record<string, unknown> => ({
  '/things': { get: { operationId: 'listThings', parameters, responses: { '204': { description: 'ok' } } } },
});

describe('ir: schema keywords on Parameter objects', () => {
  it('reads an `enum` beside the schema as part of it', () => {
    const { ir } = buildNeutral(doc({ paths: operation([{ name: 'kind', in: 'query', schema: { type: 'string' }, enum: ['small', 'large'] }]) }));
    expect(parameterSchemas(ir)).toEqual(['"small" | "large"']);
  });

  it('builds the schema from `type`, `enum` and `default` when there is none', () => {
    const { ir } = buildNeutral(
      doc({ paths: operation([{ name: 'order', in: 'query', type: 'string', enum: ['asc', 'desc'], default: 'asc' }, { name: 'limit', in: 'query', type: 'integer' }]) }),
    );
    expect(parameterSchemas(ir)).toEqual(['"asc" | "desc"', 'integer']);
    expect(ir.services[0]?.operations[0]?.parameters[0]?.schema).toMatchObject({ meta: { defaultJson: '"asc"' } });
  });

  it("keeps the schema's own keywords over the parameter's, and leaves a $ref schema alone", () => {
    const { ir } = buildNeutral(
      doc({
        schemas: { Size: { type: 'string', enum: ['s', 'm'] } },
        paths: operation([
          { name: 'a', in: 'query', schema: { type: 'string', enum: ['x'] }, enum: ['y'] },
          { name: 'b', in: 'query', schema: { $ref: '#/components/schemas/Size' }, enum: ['z'] },
        ]),
      }),
    );
    expect(parameterSchemas(ir)).toEqual(['"x"', 'Size']);
  });
});

describe('ir: path template variables no parameter declares', () => {
  it('become required string path parameters', () => {
    const { ir } = buildNeutral(
      doc({ paths: { '/groups/{groupId}/items/{itemId}': { get: { operationId: 'getItem', parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '204': { description: 'ok' } } } } } }),
    );
    const parameters = ir.services[0]?.operations[0]?.parameters ?? [];
    expect(parameters.map((p) => [p.name, p.in, p.required, describeSchema(p.schema)])).toEqual([
      ['itemId', 'path', true, 'integer'],
      ['groupId', 'path', true, 'string'],
    ]);
  });
});

describe('ir: templated token URLs', () => {
  const document = doc({
    paths: { '/things': { get: { operationId: 'listThings', responses: { '204': { description: 'ok' } } } } },
    extra: {
      servers: [{ url: '{apiRoot}/nfoo/v1', variables: { apiRoot: { default: 'https://nf.example.com' } } }],
      security: [{ local: [] }, { nrf: [] }, { plain: [] }],
      components: {
        schemas: {},
        securitySchemes: {
          local: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '{apiRoot}/oauth2/token', scopes: {} } } },
          nrf: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '{nrfApiRoot}/oauth2/token', scopes: {} } } },
          plain: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth2/token', scopes: {} } } },
        },
      },
    },
  });

  it('says where the SDK gets each token URL', () => {
    const { ir } = buildNeutral(document);
    const sources = ir.securitySchemes.map((s) => (s.kind === 'oauth2' ? [s.schemeName, s.clientCredentials?.tokenUrl, s.clientCredentials?.tokenUrlSource] : []));
    expect(sources).toEqual([
      ['local', '{apiRoot}/oauth2/token', 'serverVariables'],
      ['nrf', '{nrfApiRoot}/oauth2/token', 'configuration'],
      ['plain', '/oauth2/token', 'literal'],
    ]);
    expect(ir.features.serverTemplates).toBe(true);
  });

  it('the TypeScript client expands a server-variable template with its server variables and passes the others as written', () => {
    const { ir } = buildNeutral(document);
    const client = render(ir).find((f) => f.path === 'src/client.ts')?.contents ?? '';
    expect(client).toMatch(/import \{[^}]*\bexpandServerUrl\b[^}]*\} from '\.\/runtime\/index\.js';/);
    expect(client).toContain("url: '{apiRoot}/oauth2/token',\n            variables: { apiRoot: { default: 'https://nf.example.com' } },\n          },\n          this.config.serverVariables,");
    expect(client).toContain("tokenUrl: '{nrfApiRoot}/oauth2/token',");
    expect(client).toContain("tokenUrl: resolveUrl('/oauth2/token', baseUrl),");
  });

  it('imports neither resolveUrl nor expandServerUrl when every token URL is left to configuration', () => {
    const onlyNrf = structuredClone(document) as { components: { securitySchemes: Record<string, unknown> }; security: unknown[] };
    delete onlyNrf.components.securitySchemes['local'];
    delete onlyNrf.components.securitySchemes['plain'];
    onlyNrf.security = [{ nrf: [] }];
    const { ir } = buildNeutral(onlyNrf as unknown as Record<string, unknown>);
    const client = render(ir).find((f) => f.path === 'src/client.ts')?.contents ?? '';
    expect(client).toContain("tokenUrl: '{nrfApiRoot}/oauth2/token',");
    expect(client).not.toMatch(/\bresolveUrl\b|\bexpandServerUrl\b/);
  });
});
