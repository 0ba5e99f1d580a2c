/**
 * Jest transformer built on TypeScript's own per-file transpiler: no native binary to install, and
 * decorators with their metadata compile exactly as `tsc` compiles them for the server. It also
 * turns the ES modules of Nest 12 and TypeORM into CommonJS for Jest's module loader.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2023,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  allowJs: true,
  isolatedModules: true,
  inlineSourceMap: true,
  inlineSources: true,
};

/** `import.meta` has no CommonJS form; these are the uses found in the packages we load. */
function withoutImportMeta(source) {
  return (
    source
      // CommonJS already has a `require`; declaring another one is a syntax error there.
      .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
      .replace(/\bimport\.meta\.url\b/g, "('file://' + __filename)")
      .replace(/\bimport\.meta\.dirname\b/g, '__dirname')
      .replace(/\bimport\.meta\.filename\b/g, '__filename')
  );
}

const self = readFileSync(__filename);

module.exports = {
  process(source, filename) {
    const code = filename.includes('/node_modules/') ? withoutImportMeta(source) : source;
    return { code: ts.transpileModule(code, { compilerOptions, fileName: filename }).outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(ts.version).update(self).update(filename).update('\0').update(source).digest('hex');
  },
};
