/** `sdkgen init`: write a commented starter config file. */
import { Command } from 'commander';
import { init } from '../../api/init';
import { displayPath } from '../format';
import type { CliIo } from '../io';
import { paletteFor } from '../style';

export function initCommand(io: CliIo): Command {
  const command = new Command('init')
    .description('write a commented starter sdkgen.config.yaml in the current folder')
    .option('--force', 'overwrite an existing sdkgen.config.yaml');
  command.addHelpText(
    'after',
    `
The file starts with a "# yaml-language-server: $schema=..." line pointing at the JSON Schema
shipped with sdkgen, so editors with YAML language support complete and check its keys.
Edit "input" and "package.name", then run "sdkgen generate".`,
  );
  return command.action(async (flags: { force?: boolean }) => {
    const { file } = await init({ cwd: io.cwd, force: flags.force });
    io.stdout(`${paletteFor(io, 'stdout').success(`Wrote ${displayPath(file, io.cwd)}`)}; edit "input" and "package.name", then run "sdkgen generate"\n`);
  });
}
