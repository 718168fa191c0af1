// Browser tests: playwright-core driving Debian's chromium against the served admin.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/browser/**/*.browser-spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
  // playwright-core can keep an internal handle for a moment after the browser has closed.
  forceExit: true,
};
