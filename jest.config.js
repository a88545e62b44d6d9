/** npm test: unit specs beside the server code and beside the console's pure functions (admin/src), and the cross-module API / realtime / database tests. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/admin/src/**/*.spec.ts', '<rootDir>/test/{api,realtime,database,deploy,jobs,console,emission,documents,scanning,endorsement,disputes}/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/server/tsconfig.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120_000,
  maxWorkers: 2,
  // PGlite's WebAssembly and open sockets make leak detection noisy; each test closes what it opens.
  forceExit: true,
};
