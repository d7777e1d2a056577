/** `init`: write a commented starter `sdkgen.config.yaml`. */
import { writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { configSchemaFile, DEFAULT_CONFIG_FILE } from '../config';
import { starterConfig } from '../config/starter';
import { UserError } from '../errors';

export interface InitOptions {
  /** Folder to write the config file into (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Replace an existing config file. */
  readonly force?: boolean;
}

export interface InitResult {
  /** Absolute path of the written file. */
  readonly file: string;
  /** The `$schema` reference written into it. */
  readonly schemaRef: string;
}

/** Writes `<cwd>/sdkgen.config.yaml`; throws `UserError` if it exists and `force` is not set. */
export async function init(options: InitOptions = {}): Promise<InitResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const file = resolve(cwd, DEFAULT_CONFIG_FILE);
  const schemaRef = schemaReference(cwd);
  try {
    // `wx` fails atomically when the file exists: no window between a check and the write.
    await writeFile(file, starterConfig(schemaRef), { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${file} already exists; pass --force to overwrite it`);
    }
    throw new UserError(`cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
  return { file, schemaRef };
}

/**
 * Where editors find the schema: relative to the config file when sdkgen is installed inside the
 * project (`node_modules/sdkgen/...`, which stays valid on other machines), else absolute.
 */
function schemaReference(cwd: string): string {
  const schema = configSchemaFile();
  const rel = relative(cwd, schema);
  if (rel.startsWith('..') || isAbsolute(rel)) return schema;
  return rel.split(sep).join('/');
}
