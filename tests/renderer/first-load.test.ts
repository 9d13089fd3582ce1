import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What the app loads before its first screen: every module main.tsx reaches through static
// imports (a dynamic `import()` is its own chunk, loaded later). The full phone metadata
// (libphonenumber-js/max, about 190 kB) must not be among them: it doubled the first load. Nor
// must zod: the contract's modules build their schemas when they load (about 100 kB of zod and
// 50 kB of schemas, evaluated before the first screen could draw).

const repoRoot = path.resolve(__dirname, '../..');
const staticImport = /^\s*import\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const exportFrom = /^\s*export\s+(?!type\b)[^'";]*?\s+from\s+['"]([^'"]+)['"]/gm;

function resolveModule(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The packages and our own files reached from `entry` without crossing a dynamic import. */
function firstLoad(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const source = fs.readFileSync(file, 'utf8');
    for (const pattern of [staticImport, exportFrom]) {
      for (const match of source.matchAll(pattern)) {
        const specifier = match[1]!;
        if (specifier.startsWith('.')) {
          const resolved = resolveModule(file, specifier);
          if (resolved) queue.push(resolved);
        } else {
          packages.add(specifier);
        }
      }
    }
  }
  return { files, packages };
}

describe('the first load', () => {
  const { files, packages } = firstLoad(path.join(repoRoot, 'src-renderer/main.tsx'));

  it('reaches the shell and the dashboard', () => {
    // A walk that found nothing would pass the next test for the wrong reason.
    const names = [...files].map((file) => path.relative(repoRoot, file));
    expect(names).toContain('src-renderer/shell/App.tsx');
    expect(names).toContain('src-renderer/features/dashboard/DashboardScreen.tsx');
    expect(packages).toContain('react-dom/client');
  });

  it('does not carry the phone metadata', () => {
    const phone = [...packages].filter((name) => name.startsWith('libphonenumber-js'));
    const through = [...files].filter((file) => /src-shared\/phone\.ts$/.test(file)).map((file) => path.relative(repoRoot, file));
    expect({ phone, through }).toEqual({ phone: [], through: [] });
  });

  it('does not build the zod schemas of the contract', () => {
    const schemaModules = [...files]
      .filter((file) => /src-shared\//.test(file) && /^\s*import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+'zod'/m.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(repoRoot, file));
    expect({ zod: packages.has('zod'), schemaModules }).toEqual({ zod: false, schemaModules: [] });
  });
});
