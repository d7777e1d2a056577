/**
 * The Python view: turns the IR and its Python names into the modules of the package (every
 * `.py` file rendered through `items/module.py.hbs`: header, docstring, imports, body), the docs
 * pages, and the README/pyproject contexts. The render stage formats the Python with ruff.
 *
 * Split by output: models (`./models-view.ts`), errors (`./errors-view.ts`), controllers
 * (`./controllers-view.ts`), configuration and clients (`./client-view.ts`), settings from the
 * environment (`./settings-view.ts`), package and re-export modules (`./package-view.ts`), docs
 * (`./docs-view.ts`); this file assembles them.
 */
import type { IrFeatures } from '../../../ir/types';
import { envVarPrefix } from '../../../naming/env';
import { markdownCode, markdownInline, pyCommentText, pyDocstring, tomlString, wrapProse } from '../../../render/escape';
import type { TargetView, ViewFile } from '../../types';
import { moduleName } from '../naming-policy';
import { RUFF_SETTINGS } from '../ruff-settings';
import { clientView, configurationView, implementedSchemes, logLevelVariable, userAgent, validateVariable } from './client-view';
import type { PyContext } from './context';
import { controllerModules } from './controllers-view';
import { controllerDocs, exampleCall, readmeExamples } from './docs-view';
import { errorModules } from './errors-view';
import type { ExampleImports } from './example';
import { PyImports } from './imports';
import { pyAssignment, pyCall } from './py-layout';
import { modelModules } from './models-view';
import { packageModules } from './package-view';
import { settingsView } from './settings-view';
import { validatorsView } from './validators-view';

const MODULE_TEMPLATE = 'items/module.py.hbs';

/**
 * Runtime modules an SDK ships only when its API uses them (as in the TypeScript target): the
 * runtime's `__init__` imports neither, so every other module ships always (an installed package
 * pays nothing for modules it does not import).
 */
export function excludedRuntime(features: IrFeatures): string[] {
  return [...(features.pagination ? [] : ['pagination.py']), ...(features.requestIds ? [] : ['request_ids.py'])];
}


/** The quickstart: a read with the fewest required inputs, from environment variables. */
function quickstart(v: PyContext, header: string, clientModule: string): { path: string; context: Record<string, string> } {
  const all = v.ir.services.flatMap((service) => service.operations.map((op) => ({ service, op })));
  const reads = all.filter(({ op }) => op.httpMethod === 'GET');
  const pool = reads.length > 0 ? reads : all;
  const inputs = (op: (typeof all)[number]['op']): number => op.parameters.filter((p) => p.required).length + (op.requestBody?.required ? 1 : 0);
  const picked = pool.reduce<(typeof all)[number] | undefined>((best, c) => (best === undefined || inputs(c.op) < inputs(best.op) ? c : best), undefined);
  const examples: ExampleImports = new Map();
  const call = picked ? exampleCall(v, picked.service, picked.op, examples, undefined, false) : [];
  const client = v.name(v.ir.client);
  const prefix = envVarPrefix(v.settings.distributionName);
  const imports = new PyImports().from(v.settings.importName, client);
  for (const line of examples.values()) {
    const m = /^from (\S+) import (\S+)$/.exec(line);
    if (m) imports.from(m[1] as string, m[2] as string);
    else imports.module('datetime');
  }
  // A long variable prefix would make the comment longer than a line (ruff's E501).
  const where = wrapProse(`Credentials and settings come from ${prefix}_* variables (see the README).`, RUFF_SETTINGS['line-length'] - 6);
  const body = `def main() -> None:
    """Builds the client from the environment and makes one call."""
${where.map((line) => `    # ${line}`).join('\n')}
    with ${client}.from_environment() as client:
${picked ? `        # ${pyCommentText(`${picked.op.httpMethod} ${picked.op.path}`)}\n${call.map((l) => `        ${l}`).join('\n')}` : '        print(client.config)'}


if __name__ == "__main__":
    main()
`;
  void clientModule;
  return { path: 'examples/quickstart.py', context: { header, docstring: pyDocstring([`Quickstart: one call to the ${v.ir.info.title || 'API'} with credentials from the environment.`]), imports: imports.block(), body } };
}

/**
 * The blank lines between the import block and the body, as ruff's isort rules want them: two
 * before a class or function, one before other statements; the body ends with no blank line (the
 * template adds the file's last newline).
 */
function withGap(context: Record<string, string>): Record<string, string> {
  let body = context['body'] ?? '';
  let end = body.length;
  while (end > 0 && body.charCodeAt(end - 1) === 10) end--;
  body = body.slice(0, end);
  return { ...context, body, gap: /^(class |def |async def |@)/.test(body) ? '\n\n' : '\n' };
}

/**
 * Every module and docs page, built as the render stage iterates them so that ruff formats the
 * first while the rest are built.
 */
function* viewItems(v: PyContext, header: string, clientModule: string): Generator<ViewFile> {
  const pkg = v.settings.importName;
  // A module without imports gets blank lines from the template that ruff removes: not styled.
  const item = (m: { path: string; context: Record<string, string> }, flags: Pick<ViewFile, 'styled'> = {}): ViewFile => ({
    template: MODULE_TEMPLATE,
    path: m.path,
    context: withGap(m.context),
    ...(flags.styled === true && m.context['imports'] === '' ? {} : flags),
  });
  // Model, error, controller and package modules are printed in ruff's style (checked construct by
  // construct in styled-modules.test.ts and styled-controllers.test.ts): ruff only has work where a
  // code line is too long.
  const styled = { styled: true } as const;
  // The configuration, settings and client modules and the quickstart are styled too
  // (styled-package.test.ts): an API as small as Shell EV's needs no formatting at all, which
  // saves loading ruff (about a quarter of a second).
  yield item({ path: `${pkg}/configuration.py`, context: configurationView(v, header) }, styled);
  yield item({ path: `${pkg}/_settings.py`, context: settingsView(v, header) }, styled);
  yield item({ path: `${pkg}/${clientModule}.py`, context: clientView(v, header) }, styled);
  yield item(quickstart(v, header, clientModule), styled);
  for (const service of v.ir.services) {
    yield { template: 'items/docs/controller.md.hbs', path: `docs/${v.name(service.fileName)}.md`, context: controllerDocs(v, service), styled: true };
  }
  for (const m of modelModules(v, header)) yield item(m, styled);
  for (const m of errorModules(v, header)) yield item(m, styled);
  for (const m of controllerModules(v, header)) yield item(m, styled);
  for (const m of packageModules(v, header, clientModule)) yield item(m, styled);
  yield item({ path: `${pkg}/_validators.py`, context: validatorsView(v, header) }, styled);
}

export function buildPythonView(v: PyContext): TargetView {
  const pkg = v.settings.importName;
  const header = `# Generated by sdkgen from ${pyCommentText(v.ir.specFileName) || 'spec'} — do not edit.`;
  const client = v.name(v.ir.client);
  const clientModule = moduleName(client);
  const items = viewItems(v, header, clientModule);

  const cc = implementedSchemes(v).find((s) => s.implementation.kind === 'clientCredentials');
  const ccProperty = cc?.kind === 'oauth2' && cc.clientCredentials ? v.name(cc.clientCredentials.propertyName) : '';
  const ccOption = cc ? v.name(cc.implementation.option) : '';
  const defaultEnvironment = v.ir.servers[0] ? v.name(v.ir.servers[0].name) : '';
  const root: Record<string, unknown> = {
    distributionName: v.settings.distributionName,
    distributionNameToml: JSON.stringify(v.settings.distributionName),
    importName: pkg,
    versionToml: JSON.stringify(v.settings.version),
    descriptionToml: JSON.stringify(pyCommentText(v.ir.info.title ? `${v.ir.info.title} SDK` : `${pkg} SDK`)),
    // `[project.urls]` lines (empty: the config sets neither).
    projectUrls: [
      ...(v.settings.homepage === undefined ? [] : [`Homepage = ${tomlString(v.settings.homepage)}`]),
      ...(v.settings.repository === undefined ? [] : [`Repository = ${tomlString(v.settings.repository)}`]),
    ].join('\n'),
    ruffLineLength: RUFF_SETTINGS['line-length'],
    ruffTarget: RUFF_SETTINGS['target-version'],
    clientName: client,
    asyncClientName: v.derivedName(v.ir.client, 'async'),
    clientModule,
    envPrefix: envVarPrefix(v.settings.distributionName),
    mdTitle: markdownInline(v.ir.info.title || pkg),
    mdDescription: v.ir.info.description ? markdownInline(v.ir.info.description) : '',
    defaultEnvironment,
    environments: v.ir.servers.map((s) => ({ mdName: markdownCode(`Environment.${v.name(s.name)}`), mdUrl: markdownInline(s.url), mdDescription: s.description ? markdownInline(s.description) : '' })),
    hasClientCredentials: cc !== undefined,
    ccOption,
    ccProperty,
    // Lines of the README's token example whose layout depends on the option's name.
    ccCloneLines: cc
      ? [
          pyAssignment(ccOption, undefined, pyCall(`client.config.${ccOption}.clone_with(`, ['o_auth_token=token']), 4),
          pyAssignment('config', undefined, pyCall('client.config.clone_with(', [`${ccOption}=${ccOption}`]), 4),
        ].join('\n')
      : '',
    ccScheme: cc ? markdownInline(cc.schemeName) : '',
    controllers: v.ir.services.map((s) => ({ mdTitle: markdownInline(s.tag), property: v.name(s.propertyName), className: v.name(s.className), docsPath: `docs/${v.name(s.fileName)}.md` })),
    userAgent: userAgent(v),
    logVariable: logLevelVariable(v),
    validateVariable: validateVariable(v),
    requestIdHeaders: [...new Set(v.ir.services.flatMap((s) => s.operations.flatMap((op) => op.parameters.filter((p) => p.defaultsToUuid).map((p) => markdownCode(p.name)))))].join(', '),
    requestIdParams: [...new Set(v.ir.services.flatMap((s) => s.operations.flatMap((op) => op.parameters.filter((p) => p.defaultsToUuid).map((p) => markdownCode(v.name(p.propertyName))))))].join(', '),
    ...readmeExamples(v, clientModule),
  };
  return { root, items, excludeRuntime: excludedRuntime(v.ir.features), skipTemplates: [], styledTemplates: ['README.md.hbs'], folders: { __package__: pkg } };
}
