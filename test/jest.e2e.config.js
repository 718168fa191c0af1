// API end-to-end tests against the real server process (built first: server/dist).
// E2E_DB=postgres runs the same suite on PostgreSQL.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: `e2e:${process.env.E2E_DB === 'postgres' ? 'postgres' : 'sqlite'}`,
  rootDir: __dirname,
  testMatch: ['<rootDir>/api/**/*.e2e-spec.ts'],
  testTimeout: 180_000,
  maxWorkers: 2,
};
