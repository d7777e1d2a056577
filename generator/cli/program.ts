/** The `sdkgen` command tree. */
import { Command } from 'commander';
import { sdkgenPackage } from '../package-root';
import { checkCommand } from './commands/check';
import { generateCommand } from './commands/generate';
import { validateCommand } from './commands/validate';
import type { CliIo } from './io';

const EPILOGUE = `
Configuration:
  Values come from command-line flags, else the config file (--config FILE, else
  ./sdkgen.config.yaml when present), else defaults. With no --input and no config file,
  sdkgen generates from the spec/shell-ev.yaml shipped inside the package (package "shellev",
  client "ShellevClient") into ./generated/typescript.

Exit codes:
  0   success (check: output up to date; validate: no errors)
  1   bad input: invalid spec or config, refused $ref, stale output for check
  2   usage error: unknown command or option, missing argument
  70  internal error in sdkgen (please report it)

Run "sdkgen <command> --help" for the options of a command.`;

/** Builds the program; commander's exits are turned into exceptions so `run` picks the exit code. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('sdkgen')
    .description('Generate a typed TypeScript SDK from an OpenAPI 3.0/3.1 document.')
    .version(sdkgenPackage().version, '-V, --version', 'print the sdkgen version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`sdkgen: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(run "sdkgen --help" or "sdkgen <command> --help" for usage)')
    .addHelpText('after', EPILOGUE);
  // Subcommands copy the settings above (exit override, output) when added.
  for (const command of [generateCommand(io), checkCommand(io), validateCommand(io)]) {
    program.addCommand(command.copyInheritedSettings(program).helpOption('-h, --help', 'show help for this command'));
  }
  return program;
}
