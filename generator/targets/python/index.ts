/** The Python target: a PEP 621 package (httpx + pydantic v2) with blocking and asyncio clients. */
import { templateFolder } from '../../render/templates';
import type { Target } from '../types';
import type * as Format from './format';
import { classIdentifier, pythonNamingPolicy, PYTHON_KEYWORDS } from './naming-policy';
import type * as Context from './view/context';
import type * as View from './view/view';

// The view and the formatter are loaded when the target renders, not when the registry is read:
// a TypeScript-only run never loads them (about 20 ms).
/* eslint-disable @typescript-eslint/no-require-imports */
const view = (): typeof View & typeof Context => ({ ...(require('./view/view') as typeof View), ...(require('./view/context') as typeof Context) });
const format = (): typeof Format => require('./format') as typeof Format;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The import package of a distribution name (PEP 503 normalized, `-`/`.` → `_`). */
export function importPackageName(distributionName: string): string {
  return distributionName.toLowerCase().replace(/[-_.]+/g, '_');
}

export const pythonTarget: Target = {
  id: 'python',
  label: 'Python',
  templateDir: () => templateFolder('python'),
  runtime: { extension: '.py', outputDir: (config) => `${importPackageName(config.packageName)}/_runtime` },
  defaults: { output: 'generated/python', naming: { apiClassSuffix: 'Controller', errorClassSuffix: 'Exception' } },
  checkPackageName: (name) => {
    const pkg = importPackageName(name);
    if (!/^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name)) return 'must be a Python distribution name (letters, digits, - _ .), e.g. shellev or ev-recharge-sdk';
    if (!/^[a-z_][a-z0-9_]*$/.test(pkg) || PYTHON_KEYWORDS.includes(pkg)) return `gives the import package '${pkg}', which is not a Python identifier`;
    return undefined;
  },
  checkClassName: (name) =>
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.includes(name) && classIdentifier(name) === name
      ? undefined
      : 'must be a Python class name such as MyApiClient (not a keyword or a name the SDK uses)',
  packageNameFromFile: (fileName) => importPackageName(fileName.replace(/\.(ya?ml|json)$/i, '')).replace(/^[^a-z_]+/, '') || 'sdk',
  namingPolicy: (config) => pythonNamingPolicy(config),
  view: ({ ir, names, config, packageVersion }) => {
    const { buildPythonView, PyContext } = view();
    return buildPythonView(new PyContext(ir, names, { distributionName: config.packageName, importName: importPackageName(config.packageName), version: packageVersion, repository: config.repository, homepage: config.homepage }));
  },
  formatter: (outputDir) => format().openPythonFormatter(outputDir),
};
