/** Jest runs TypeScript through SWC (type-checking is done by `tsc`, not by the test runner). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        // Keep `import()` native so ESM-only libraries load (jest runs with --experimental-vm-modules).
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
  },
  // Runtime sources import siblings as './x.js' (ESM style); map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
  // Builds dist/ (for the CLI tests, which spawn the compiled sdkgen) unless it is up to date.
  globalSetup: '<rootDir>/test/global-setup.js',
  reporters: ['default', '<rootDir>/test/reporters/summary.js'],
};
