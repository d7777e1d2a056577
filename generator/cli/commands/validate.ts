/** `sdkgen validate`: report every problem of a spec. */
import { Command } from 'commander';
import { validate } from '../../api/validate';
import { UserError } from '../../errors';
import { displayPath, problemLines } from '../format';
import type { CliIo } from '../io';
import { paletteFor } from '../style';
import { addInputOptions, addStrictOption, type InputFlags } from '../options';

export function validateCommand(io: CliIo): Command {
  const command = new Command('validate').description(
    'check an OpenAPI document (syntax, $refs, OpenAPI schema, operationIds, path parameters); exit 1 on any error',
  );
  addInputOptions(command);
  addStrictOption(command, true);
  command.addHelpText(
    'after',
    `
Each problem is printed as \`error: file:line:column: message\` (or \`warning: ...\`).

validate is strict: problems that generate only warns about (it works around them) are errors
here too, so a spec that validates generates cleanly. --no-strict reports them as warnings and
exits 0 when generate would succeed. Syntax errors, a missing or unknown openapi/swagger version
and refused $refs are errors either way.`,
  );
  return command.action(async (flags: InputFlags) => {
    const result = await validate({ ...flags, cwd: io.cwd });
    const palette = paletteFor(io, 'stdout');
    io.stdout(problemLines(result.problems, io.cwd, palette));
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    const warnings = result.problems.length - errors;
    const spec = displayPath(result.config.input, io.cwd);
    if (errors > 0) throw new UserError(`${spec} is invalid: ${errors} error(s), ${warnings} warning(s)`);
    io.stdout(`${palette.success(`${spec} is valid${warnings > 0 ? ` (${warnings} warning(s))` : ''}`)}\n`);
  });
}
