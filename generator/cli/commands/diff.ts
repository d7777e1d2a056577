/** `sdkgen diff OLD NEW`: a CHANGELOG section for the SDK change between two specs. */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { diff } from '../../api/diff';
import { diffMarkdown } from '../../diff';
import { displayPath, problemLines } from '../format';
import type { CliIo } from '../io';
import { paletteFor } from '../style';

interface DiffFlags {
  readonly json?: boolean;
  readonly config?: string;
  readonly allowRemoteRefs?: boolean;
  readonly refRoot?: string;
  readonly quiet?: boolean;
}

export function diffCommand(io: CliIo): Command {
  const command = new Command('diff')
    .description('compare the SDKs two OpenAPI documents generate: what changed, and the semver bump it calls for')
    .argument('<old>', 'the older spec (YAML or JSON)')
    .argument('<new>', 'the newer spec')
    .option('--json', 'print the changes as JSON instead of Markdown')
    .option('-c, --config <file>', 'config file whose naming options apply to both specs (default: ./sdkgen.config.yaml when it exists)')
    .option('--allow-remote-refs', 'fetch http(s):// $refs (default: refused, a spec is untrusted input)')
    .option('--ref-root <dir>', "folder local $refs may read from (default: the working directory if a spec is inside it, else the spec's folder)")
    .option('-q, --quiet', 'do not print warnings');
  command.addHelpText(
    'after',
    `
Compares, in spec terms (the same for every target): operations (by operationId, else method
and path: added, removed, parameters added/removed/required/type, request body, response type,
error responses), models (by schema name: added, removed, properties added/removed/required/
type) and enum values (added, removed). Types read as the spec states them: string (date-time),
integer (int64), array<Pet>, map<string>, "a" | "b".

Suggested bump: major for removals, tightened requirements and type changes (a model property
turning optional counts: readers may miss it); minor for additions; patch otherwise. Output is
Markdown, ready for a CHANGELOG. Exit code 0 whatever changed; 1 when a spec is invalid.

Example:
  git show v1.0.0:openapi.yaml > /tmp/old.yaml && sdkgen diff /tmp/old.yaml openapi.yaml >> CHANGELOG.md`,
  );
  return command.action(async (from: string, to: string, flags: DiffFlags) => {
    const result = await diff({ from, to, cwd: io.cwd, config: flags.config, allowRemoteRefs: flags.allowRemoteRefs, refRoot: flags.refRoot });
    if (!flags.quiet) io.stderr(problemLines(result.warnings, io.cwd, paletteFor(io, 'stderr')));
    if (flags.json) {
      const { warnings: _warnings, ...data } = result;
      io.stdout(`${JSON.stringify(data, null, 2)}\n`);
      return;
    }
    io.stdout(diffMarkdown(result, { from: displayPath(resolve(io.cwd, from), io.cwd), to: displayPath(resolve(io.cwd, to), io.cwd) }));
  });
}
