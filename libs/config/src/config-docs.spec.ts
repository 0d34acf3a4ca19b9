import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './config';

describe('configuration documentation', () => {
  it('lists every variable loadConfig reads in the README configuration table', () => {
    const read = new Set<string>();
    const env = new Proxy({} as NodeJS.ProcessEnv, {
      get(_target, key) {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    });
    loadConfig(env);
    expect(read.size).toBeGreaterThan(10);

    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Architecture'));
    const documented = new Set([...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]));
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
  });
});
