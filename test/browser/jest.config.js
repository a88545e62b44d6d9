// Browser tests: the built server (server/dist) and console (admin/dist) driven by Chromium.
// Run with `npm run test:browser` (builds first). Not part of `npm test`.
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['**/test/browser/**/*.browser.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/browser/tsconfig.json' }],
  },
  testTimeout: 120000,
};
