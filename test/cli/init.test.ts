/** `sdkgen init`: the starter config, its schema pointer, and refusing to overwrite. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { configSchemaFile, resolveConfig } from '../../generator/config';
import { starterConfig } from '../../generator/config/starter';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'generator', 'cli', 'main.js');

function sdkgen(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = (): string => realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-init-')));

describe('cli: init', () => {
  it('writes a commented config that points at the shipped schema and that sdkgen accepts', async () => {
    const cwd = tempDir();
    const { code, stdout } = sdkgen(['init'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote sdkgen\.config\.yaml/);
    const text = readFileSync(join(cwd, 'sdkgen.config.yaml'), 'utf8');
    const schemaRef = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
    expect(schemaRef).toBeDefined();
    expect(existsSync(resolve(cwd, schemaRef as string))).toBe(true);
    expect(JSON.parse(readFileSync(resolve(cwd, schemaRef as string), 'utf8'))).toMatchObject({ title: 'sdkgen configuration' });
    expect(text).toMatch(/^# .*flags override/m);
    // The starter passes the same validation as any config file.
    const config = await resolveConfig({}, cwd);
    expect(config).toMatchObject({ input: join(cwd, 'openapi.yaml') });
    expect(config.targets).toMatchObject([{ target: 'typescript', output: join(cwd, 'generated', 'typescript'), packageName: 'my-api' }]);
  });

  it('refuses to overwrite without --force (exit 1), overwrites with it', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'sdkgen.config.yaml'), 'input: mine.yaml\n');
    const refused = sdkgen(['init'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/sdkgen\.config\.yaml already exists; pass --force/);
    expect(readFileSync(join(cwd, 'sdkgen.config.yaml'), 'utf8')).toBe('input: mine.yaml\n');
    expect(sdkgen(['init', '--force'], cwd).code).toBe(0);
    expect(readFileSync(join(cwd, 'sdkgen.config.yaml'), 'utf8')).toMatch(/yaml-language-server/);
  });

  it('the schema is shipped, and the repository config and the starter are valid for it', () => {
    expect(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).files).toContain('generator/config/sdkgen.config.schema.json');
    const validate = new Ajv({ strict: true }).compile(JSON.parse(readFileSync(configSchemaFile(), 'utf8')) as object);
    for (const text of [readFileSync(join(REPO, 'sdkgen.config.yaml'), 'utf8'), starterConfig('x.json')]) {
      expect(validate(parse(text))).toBe(true);
    }
    expect(validate({ package: { name: 'Not Valid' } })).toBe(false);
  });
});
