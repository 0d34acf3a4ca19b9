/**
 * Runs the TypeScript sources in a plain `node` child process (a worker or the API killed by the
 * tests) without a build: `node -r ./test/support/ts-register.js apps/worker/src/main.ts`.
 * Each file is transpiled alone with the project's compiler options (as ts-jest does with
 * isolatedModules, decorator metadata included) and the `@app/*` aliases of tsconfig.json resolve
 * to libs/<name>/src. Transpiled files are cached in the OS temporary folder by content hash.
 */
'use strict';
const Module = require('node:module');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const compilerOptions = ts.convertCompilerOptionsFromJson(
  { ...config.compilerOptions, sourceMap: false, inlineSourceMap: true, inlineSources: false },
  root,
).options;
const cacheDirectory = path.join(os.tmpdir(), `interclustering-ts-register-${ts.version}`);
fs.mkdirSync(cacheDirectory, { recursive: true });

const ALIAS = /^@app\/(scheduling|printing|core|persistence|queue|config)(\/.*)?$/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = ALIAS.exec(request);
  const target = match ? path.join(root, 'libs', match[1], 'src', match[2] ?? '') : request;
  return resolveFilename.call(this, target, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDirectory, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
    const temporary = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output);
    fs.renameSync(temporary, cached);
  }
  module._compile(output, filename);
};
