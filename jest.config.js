/** Two tiers: `unit` (next to the code, no servers) and `e2e` (test/, real PostgreSQL, Redis, Chromium). */
const moduleNameMapper = {
  '^@app/(scheduling|printing|core|persistence|queue|config)$': '<rootDir>/libs/$1/src',
  '^@app/(scheduling|printing|core|persistence|queue|config)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }],
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
