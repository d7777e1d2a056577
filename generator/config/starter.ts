/** The commented starter `sdkgen.config.yaml` that `sdkgen init` writes. */

/**
 * Text of a starter config file. `schemaRef` is where editors find the config's JSON Schema
 * (a path relative to the file, or an absolute one); the `yaml-language-server` comment lets
 * VS Code and other YAML-LSP editors complete and check keys as the user types.
 */
export function starterConfig(schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
#
# sdkgen configuration. \`sdkgen generate\`, \`check\` and \`validate\` read this file when run from
# this folder (or with --config FILE); command-line flags override any value here. Relative paths
# are relative to this file's folder. A key with no value means "not set".

# The OpenAPI 3.0/3.1 document to generate from (YAML or JSON; $refs to other files are followed).
input: openapi.yaml

# The SDKs to generate, each into its own folder. One run reads and checks the spec once and
# writes every target listed here (\`--target typescript\` picks one). Files sdkgen generated
# before and no longer generates are removed; other files in a folder are left alone (see
# .sdkgen-manifest.json there).
targets:
  typescript:
    output: generated/typescript
    # templates: my-templates  # a folder whose templates overlay the built-in ones, by relative path
  # python:
  #   output: generated/python

# Settings every target shares (each target may override them under targets.<target>).
package:
  # Package name (npm; for Python the distribution name). Default: the spec file name.
  name: my-api
  # Version of the generated package (default: the spec's info.version). Quote it.
  # version: "1.0.0"
  # Source repository and home page (package.json repository/homepage, pyproject [project.urls]).
  # repository: git+https://github.com/my-org/my-api-sdk.git
  # homepage: https://github.com/my-org/my-api-sdk#readme

client:
  # Name of the generated client class (default: derived from the spec's info.title).
  # className: MyApiClient

# Stop with an error on problems sdkgen otherwise works around with a warning (dangling $refs,
# values the OpenAPI schema rejects whose meaning is clear): for CI on a spec you own. \`sdkgen
# check\` and \`generate\` follow this; \`--strict\` / \`--no-strict\` override it.
# strict: true
# allowRemoteRefs: false       # fetch http(s) $refs (off: a spec is untrusted input)
# refRoot: .                   # local $refs may not read outside this folder
# naming:
#   apiClassSuffix: Api        # ChargingApi (Python's default: Controller)
#   errorClassSuffix: Exception
`;
}
