/** The TypeScript target: an npm package with ESM and CommonJS builds and a zero-dependency runtime. */
import { isValidClassName, isValidNpmName, npmNameFromFile } from '../../config/identifiers';
import { templateFolder } from '../../render/templates';
import type { Target } from '../types';
import { typescriptNamingPolicy } from './naming-policy';
import type * as Context from './view/context';
import type * as View from './view/view';

// The view is loaded when the target renders, not when the registry is read: a Python-only run
// never loads it.
/* eslint-disable @typescript-eslint/no-require-imports */
const view = (): typeof View & typeof Context => ({ ...(require('./view/view') as typeof View), ...(require('./view/context') as typeof Context) });
/* eslint-enable @typescript-eslint/no-require-imports */

export const typescriptTarget: Target = {
  id: 'typescript',
  label: 'TypeScript',
  templateDir: () => templateFolder('typescript'),
  runtime: { extension: '.ts', outputDir: () => 'src/runtime' },
  defaults: { output: 'generated/typescript', naming: { apiClassSuffix: 'Api', errorClassSuffix: 'Exception' } },
  checkPackageName: (name) => (isValidNpmName(name) ? undefined : 'must be a valid npm package name (lowercase, no spaces)'),
  checkClassName: (name) => (isValidClassName(name) ? undefined : 'must be a TypeScript identifier such as MyApiClient'),
  packageNameFromFile: npmNameFromFile,
  namingPolicy: (config) => typescriptNamingPolicy(config),
  view: ({ ir, names, config, packageVersion }) => {
    const { buildView, TsContext } = view();
    return buildView(new TsContext(ir, names, { packageName: config.packageName, packageVersion, repository: config.repository, homepage: config.homepage }));
  },
};
