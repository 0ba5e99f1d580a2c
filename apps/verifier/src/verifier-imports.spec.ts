import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

/** Every module the file imports, followed through relative imports; returns the external ones. */
function externalImports(entry: string): Map<string, string> {
  const external = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm),
      ...source.matchAll(/^import\s+'([^']+)'/gm),
      ...source.matchAll(/\b(?:import|require)\(\s*'([^']+)'\s*\)/g),
    ];
    for (const [, specifier] of specifiers) {
      if (!specifier.startsWith('.')) {
        external.set(specifier, file.slice(ROOT.length + 1));
        continue;
      }
      const base = join(dirname(file), specifier);
      const candidates = [`${base}.ts`, join(base, 'index.ts')];
      const found = candidates.find((candidate) => {
        try {
          readFileSync(candidate);
          return true;
        } catch {
          return false;
        }
      });
      if (!found) throw new Error(`${file}: cannot resolve ${specifier}`);
      visit(found);
    }
  };
  visit(join(ROOT, entry));
  return external;
}

describe('the verifier stays independent of the server', () => {
  it.each(['apps/verifier/src/main.ts', 'libs/ledger/src/verify/index.ts'])('%s imports nothing but Node built-ins', (entry) => {
    const external = [...externalImports(entry)].filter(([specifier]) => !specifier.startsWith('node:'));
    expect(external).toEqual([]);
  });
});
