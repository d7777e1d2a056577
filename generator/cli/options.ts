/** Options shared by several commands, declared once so their help texts cannot drift apart. */
import { Command, Option } from 'commander';
import { UsageError } from '../errors';
import { TARGET_IDS } from '../targets';
import type { Verbosity } from './io';

/** Input options: which spec, which config, how `$ref`s may be followed. */
export function addInputOptions(command: Command): Command {
  return command
    .option('-i, --input <spec>', 'OpenAPI 3.0/3.1 document, YAML or JSON (default: `input` of the config file, else the spec/shell-ev.yaml shipped with sdkgen)')
    .option('-c, --config <file>', 'config file (default: ./sdkgen.config.yaml when it exists)')
    .option('--allow-remote-refs', 'fetch http(s):// $refs (default: refused, a spec is untrusted input)')
    .option('--ref-root <dir>', 'folder local $refs may read from (default: the working directory if the spec is inside it, else the spec\'s folder)');
}

/**
 * `--strict` / `--no-strict`. Problems sdkgen can work around (dangling `$ref`s, values the
 * OpenAPI schema rejects whose meaning is clear) are warnings unless strict; `validate` is strict
 * unless told otherwise, `generate`/`check` follow the config file's `strict` (default off).
 */
export function addStrictOption(command: Command, strictByDefault: boolean): Command {
  const what = 'problems sdkgen can work around (dangling $refs, values the OpenAPI schema rejects whose meaning is clear; see README "Warnings, errors and --strict")';
  if (strictByDefault) {
    return command
      .option('--strict', `report ${what} as errors and exit 1 (the default for validate)`)
      .option('--no-strict', 'report them as warnings, as generate does without --strict');
  }
  return command
    .option('--strict', `report ${what} as errors and exit 1 (default: \`strict\` of the config file, else off: they are warnings)`)
    .option('--no-strict', 'report them as warnings even when the config file sets strict: true');
}

/** Options that shape the generated SDK. */
export function addGenerationOptions(command: Command): Command {
  return command
    .option('--target <target>', `generate only this target: ${TARGET_IDS.join(' or ')} (default: every target in the config file's \`targets\`, else typescript)`)
    .option('-o, --output <dir>', 'output folder (default: the target\'s `output` in the config file, else ./generated/<target>)')
    .option('-t, --templates <dir>', 'folder of templates overlaying the target\'s built-in ones, by relative path')
    .option('--package-name <name>', 'package name: npm name (TypeScript) or distribution name (Python) (default: config, else "shellev" for the built-in spec, else the spec file name)')
    .option('--package-version <v>', "version of the generated package (default: the spec's info.version)")
    .option('--client-name <Name>', 'class name of the generated client (default: config, else derived from info.title)');
}

/** `-q` / `-v`. */
export function addVerbosityOptions(command: Command): Command {
  return command
    .addOption(new Option('-q, --quiet', 'print errors only'))
    .addOption(new Option('-v, --verbose', 'also print how long each stage took'));
}

/** Reads `--quiet` / `--verbose`; both at once is a usage error. */
export function verbosityOf(opts: { quiet?: boolean; verbose?: boolean }): Verbosity {
  if (opts.quiet && opts.verbose) throw new UsageError('--quiet and --verbose cannot be used together');
  return opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal';
}

/** The option values every input-reading command receives from commander. */
export interface InputFlags {
  readonly input?: string;
  readonly config?: string;
  readonly allowRemoteRefs?: boolean;
  readonly refRoot?: string;
  /** `--strict` (true), `--no-strict` (false), neither (undefined). */
  readonly strict?: boolean;
}

/** The option values of commands that generate. */
export interface GenerationFlags extends InputFlags {
  readonly target?: string;
  readonly output?: string;
  readonly templates?: string;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly clientName?: string;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}
