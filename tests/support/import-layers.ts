import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

/**
 * The layers of src/, lowest first (README "Code layout" states the same order and why).
 * A file may import from its own layer or a lower one, never a higher one, and never from
 * outside src/ (scripts/ and tests/ sit on top: they may import src/, not the reverse).
 * `main` is src/main.tsx, the entry point above everything.
 */
export const SRC_LAYERS = ['domain', 'i18n', 'sql', 'engine', 'storage', 'ingest', 'export', 'map', 'briefing', 'security', 'ui', 'main'] as const;

export interface ImportViolation {
  /** The importing file, relative to the repository root (posix separators). */
  file: string;
  specifier: string;
  why: string;
}

// `import … from '…'`, `export … from '…'` (also over several lines), `import '…'`,
// `import('…')` and `new URL('…', import.meta.url)` (how workers are loaded).
const SPECIFIER_PATTERNS = [
  /\b(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew\s+URL\s*\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

/** Every module specifier a source text imports, in no particular order. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  for (const pattern of SPECIFIER_PATTERNS) {
    for (const match of source.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

/** The layer of a path relative to the repository root ("src/sql/kpis.ts" → "sql"), or null outside src/. */
export function layerOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] !== 'src') return null;
  // "src/main.tsx" is the entry point; "src/i18n" (a folder's index) is that folder.
  if (parts.length === 2 && /^main(\.tsx?)?$/.test(parts[1]!)) return 'main';
  return parts[1] ?? null;
}

function rank(layer: string): number {
  return (SRC_LAYERS as readonly string[]).indexOf(layer);
}

/**
 * What is wrong with the imports of one file (path relative to the repository root, posix):
 * an import that runs up the layers, leaves src/ (scripts/, tests/, anything else), or
 * comes from a folder of src/ that has no place in the order.
 */
export function importViolations(file: string, source: string): ImportViolation[] {
  const from = layerOf(file);
  if (from === null) return [];
  const violations: ImportViolation[] = [];
  for (const specifier of importSpecifiers(source)) {
    if (!specifier.startsWith('.')) continue; // a package
    const target = posix.normalize(posix.join(posix.dirname(file), specifier.split('?')[0]!));
    const to = layerOf(target);
    if (to === null) {
      violations.push({ file, specifier, why: `imports ${target}, outside src/` });
    } else if (rank(to) < 0 || rank(from) < 0) {
      violations.push({ file, specifier, why: `${rank(to) < 0 ? to : from} has no place in the layer order` });
    } else if (rank(to) > rank(from)) {
      violations.push({ file, specifier, why: `${from} imports ${to}, which is above it` });
    }
  }
  return violations;
}

/** Every .ts/.tsx file under a folder, relative to `root` with posix separators. */
export function sourceFiles(root: string, folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) files.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(join(root, folder));
  return files.sort();
}

/** The violations of every file under src/. */
export function srcImportViolations(root: string): ImportViolation[] {
  return sourceFiles(root, 'src').flatMap((file) => importViolations(file, readFileSync(join(root, file), 'utf8')));
}
