/**
 * ARCHITECTURE.md §3: layers depend downward only. Every import in a source file is checked
 * against the layer order; a violation names the file and the import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Each layer and the layers it may import from (besides itself). */
const allowed: Record<string, readonly string[]> = {
  'src/common': [],
  'src/storage': ['src/common'],
  'src/delta': ['src/common', 'src/storage'],
  'src/catalog': ['src/common', 'src/storage', 'src/delta', 'grammar'],
  grammar: ['src/common'],
  planner: ['src/common', 'src/storage', 'src/delta', 'src/catalog', 'grammar'],
  executor: ['src/common', 'src/storage', 'src/delta', 'src/catalog', 'grammar', 'planner'],
  'src/slt': ['src/common'],
  'src/api': ['src/common', 'src/storage', 'src/delta', 'src/catalog', 'grammar', 'planner', 'executor', 'src/slt'],
  'src/cli': ['src/common', 'src/api', 'src/slt'],
};

function layerOf(file: string): string | undefined {
  const rel = relative(root, file).split('\\').join('/');
  return Object.keys(allowed)
    .sort((a, b) => b.length - a.length)
    .find((layer) => rel === layer || rel.startsWith(`${layer}/`));
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2];
    if (spec !== undefined) specs.push(spec);
  }
  return specs;
}

describe('layer rules', () => {
  const files = ['src', 'grammar', 'planner', 'executor'].flatMap((d) => sourceFiles(join(root, d)));

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('every relative import points to the same or a lower layer', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (from === undefined) continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const to = layerOf(resolve(dirname(file), spec));
        if (to === undefined || to === from) continue;
        if (!allowed[from]?.includes(to)) violations.push(`${relative(root, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('src/api/index.ts is the package entry', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, { default: string }> };
    expect(pkg.exports['.']?.default).toBe('./dist/src/api/index.js');
  });
});

describe('grammar runtime', () => {
  it("takes Chevrotain's runtime values only from grammar/chevrotain-runtime.ts (one copy: token indexes are per copy)", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'grammar'))) {
      if (file.endsWith('chevrotain-runtime.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\b)([^;]*?)from\s+['"]chevrotain['"]/gm)) {
        const clause = m[2] ?? '';
        // `import { type A, type B }` brings in no values either.
        const names = /\{([^}]*)\}/.exec(clause)?.[1]?.split(',').map((s) => s.trim()).filter((s) => s !== '') ?? [clause.trim()];
        if (names.some((n) => !n.startsWith('type '))) offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
