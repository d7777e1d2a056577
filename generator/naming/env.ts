/** Names of environment variables the generated examples read. */

/**
 * Prefix of the package's environment variables: the npm name upper-snake-cased, scope included
 * so two scoped packages cannot collide (`shellev` → `SHELLEV`, `@acme/pet-store` → `ACME_PET_STORE`).
 */
export function envVarPrefix(packageName: string): string {
  const words = packageName
    .replace(/^@/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  const prefix = words.join('_').toUpperCase();
  // An environment variable cannot start with a digit.
  return /^[A-Z_]/.test(prefix) ? prefix : `SDK_${prefix}`;
}
