import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/import-layers';

/**
 * A comment that cites a document must cite one a reader of the repository can open: every
 * `docs/….md` (and other repository path ending in .md) named in src/, scripts/ or tests/
 * exists, and every `docs/domain.md §n` names a section that domain.md has.
 */
const ROOT = new URL('../..', import.meta.url).pathname;

/** Repository paths of documents cited in a text: "docs/x.md", "data/README.md" …; not bare names like "FILE.md". */
function citedDocuments(text: string): string[] {
  return [...text.matchAll(/(?<![\w./-])((?:docs|data|tests|bench|scripts|src)\/[\w./-]+\.md)\b/g)].map((match) => match[1]!);
}

/** The section numbers cited as "docs/domain.md §n". */
function citedDomainSections(text: string): string[] {
  return [...text.matchAll(/docs\/domain\.md §(\d+)/g)].map((match) => match[1]!);
}

describe('documents cited in code', () => {
  const files = ['src', 'scripts', 'tests'].flatMap((folder) => sourceFiles(ROOT, folder))
    // This file's own examples are planted citations, not citations.
    .filter((file) => file !== 'tests/unit/doc-citations.test.ts')
    .map((file) => ({ file, text: readFileSync(`${ROOT}${file}`, 'utf8') }));
  const domain = readFileSync(`${ROOT}docs/domain.md`, 'utf8');

  it('finds citations, and only of repository paths', () => {
    expect(citedDocuments('see docs/domain.md §2 and data/README.md; not DESIGN.md or FILE.md')).toEqual(['docs/domain.md', 'data/README.md']);
    expect(citedDomainSections('(docs/domain.md §4) … docs/domain.md §12')).toEqual(['4', '12']);
  });

  it('every cited document exists in the repository, and none is DESIGN.md', () => {
    const missing = files.flatMap(({ file, text }) => citedDocuments(text).filter((doc) => !existsSync(`${ROOT}${doc}`)).map((doc) => `${file}: ${doc}`));
    expect(missing).toEqual([]);
    expect(files.filter(({ text }) => /\bDESIGN\.md\b/.test(text)).map(({ file }) => file)).toEqual([]);
  });

  it('every "docs/domain.md §n" names a section of docs/domain.md', () => {
    const cited = files.flatMap(({ file, text }) => citedDomainSections(text).map((n) => ({ file, n })));
    expect(cited.length).toBeGreaterThan(10);
    const missing = cited.filter(({ n }) => !new RegExp(`^## §${n} `, 'm').test(domain)).map(({ file, n }) => `${file}: §${n}`);
    expect(missing).toEqual([]);
  });
});
