/** Native ESM jest with @swc/jest (see ../shared/toolchain.md §2). Types are checked by `npm run typecheck`. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // A guard against hangs, not a speed check: suites that spawn the CLI, the server or a browser
  // need more than jest's 5 s default when the machine is busy (measured: the LSP suite's
  // start-up took > 5 s at load average 18 on 2 cores).
  testTimeout: 30000,
  // Distribution builds (npm run build:sea / package:vscode, and test/install/) are not modules of the project.
  modulePathIgnorePatterns: ['<rootDir>/build/'],
};
