/** The `sdkgen` command tree. */
import { Command } from 'commander';
import { sdkgenPackage } from '../package-root';
import { checkCommand } from './commands/check';
import { diffCommand } from './commands/diff';
import { generateCommand } from './commands/generate';
import { initCommand } from './commands/init';
import { validateCommand } from './commands/validate';
import type { CliIo } from './io';

const EPILOGUE = `
Getting started:
  sdkgen init                     write a commented sdkgen.config.yaml (set "input" and "package.name")
  sdkgen generate                 generate the SDK into the configured output folder
  sdkgen generate --watch         regenerate on every change of the spec, config or templates
  sdkgen diff old.yaml new.yaml   CHANGELOG section and suggested semver bump between two specs

Configuration:
  Values come from command-line flags, else the config file (--config FILE, else
  ./sdkgen.config.yaml when present), else defaults. The config file is checked against the
  JSON Schema shipped with sdkgen (generator/config/sdkgen.config.schema.json); errors name the
  key and its file:line:column. With no --input and no config file, sdkgen generates from the
  spec/shell-ev.yaml shipped inside the package (package "shellev", client "ShellevClient")
  into ./generated/typescript.

Output:
  Results go to stdout, warnings and errors to stderr. On a terminal, errors are red, warnings
  yellow and summaries green; NO_COLOR=1 (or a pipe) turns colours off.

Exit codes:
  0   success (check: output up to date; validate: no errors; generate --watch: stopped with Ctrl-C)
  1   bad input: invalid spec or config, refused $ref, stale output for check, existing file for init;
      with --strict (and for validate) also problems generate otherwise works around with a warning
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
  for (const command of [initCommand(io), generateCommand(io), checkCommand(io), validateCommand(io), diffCommand(io)]) {
    program.addCommand(command.copyInheritedSettings(program).helpOption('-h, --help', 'show help for this command'));
  }
  return program;
}
