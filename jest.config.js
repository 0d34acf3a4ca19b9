/** Two tiers: `unit` (next to the code, no servers) and `e2e` (test/, real PostgreSQL, Redis, Chromium). */
const moduleNameMapper = {
  '^@app/(scheduling|printing|core|persistence|queue|config)$': '<rootDir>/libs/$1/src',
  '^@app/(scheduling|printing|core|persistence|queue|config)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// Each file compiled alone (tsconfig.jest.json: isolatedModules); `npm run typecheck` checks the types.
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
};
const common = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testRegex: '\\.spec\\.ts$',
    },
    { ...common, displayName: 'e2e', roots: ['<rootDir>/test'], testRegex: '\\.e2e-spec\\.ts$' },
  ],
  // Global only (jest ignores it inside a project): e2e suites start servers and solve real events.
  testTimeout: 120000,
};
