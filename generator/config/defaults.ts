/** What sdkgen does when neither flags nor a config file say otherwise. */
import { join } from 'node:path';
import { sdkgenPackage } from '../package-root';

/** Default output folder of the default (TypeScript) target, relative to the working directory. */
export const DEFAULT_OUTPUT = 'generated/typescript';

/** Name of the config file looked up in the working directory when `--config` is not given. */
export const DEFAULT_CONFIG_FILE = 'sdkgen.config.yaml';

/**
 * The spec shipped inside the sdkgen package, used when no input is given at all, with the
 * names it is meant to be generated under.
 */
export function embeddedDefault(): { input: string; packageName: string; clientName: string } {
  return {
    input: join(sdkgenPackage().root, 'spec', 'shell-ev.yaml'),
    packageName: 'shellev',
    clientName: 'ShellevClient',
  };
}
