/**
 * The `yaml` package, loaded on first use: JSON and plain YAML specs are parsed without it
 * (`./parse-source`), and it is needed only for other YAML and to find a position to report,
 * so most runs never pay the ~20 ms of loading it.
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yamlPackage(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}
