import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, importViolations, SRC_LAYERS, srcImportViolations } from '../support/import-layers';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('the layers of src/', () => {
  it('no import in src/ runs up the layers or leaves src/', () => {
    expect(srcImportViolations(ROOT)).toEqual([]);
  });

  it('every folder of src/ has its place in the order', () => {
    const folders = readdirSync(`${ROOT}src`, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) expect(SRC_LAYERS).toContain(folder);
  });

  it("README's code layout lists every folder of src/ in the order of the layers", () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const layout = readme.slice(readme.indexOf('## Code layout'), readme.indexOf('## Benchmark'));
    const listed = [...layout.matchAll(/^\| \d+ \| `src\/([a-z0-9]+)(?:\/|\.tsx)`/gm)].map((match) => match[1]);
    expect(listed).toEqual([...SRC_LAYERS]);
  });
});

describe('the import checker', () => {
  it('finds single-line, multi-line, re-export, side-effect, dynamic and worker imports', () => {
    const source = [
      "import { a } from '../sql/kpis';",
      'import {\n  b,\n  c,\n} from "../engine/database";',
      "export { d } from './d';",
      "import 'maplibre-gl/dist/maplibre-gl.css';",
      "const e = await import('../map/palette');",
      "new Worker(new URL('./loader.worker.ts', import.meta.url));",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(['../engine/database', '../map/palette', '../sql/kpis', './d', './loader.worker.ts', 'maplibre-gl/dist/maplibre-gl.css'].sort());
  });

  it('fails an upward import', () => {
    const violations = importViolations('src/sql/kpis.ts', "import { useMessages } from '../ui/LanguageContext';");
    expect(violations).toHaveLength(1);
    expect(violations[0]!.why).toContain('sql imports ui');
  });

  it('fails an upward import written over several lines and one through a dynamic import', () => {
    expect(importViolations('src/domain/units.ts', "import {\n  x,\n} from '../engine/database';")).toHaveLength(1);
    expect(importViolations('src/engine/load.ts', "const m = await import('../briefing/build');")).toHaveLength(1);
  });

  it('fails an import from src/ into scripts/ or tests/', () => {
    expect(importViolations('src/ui/App.tsx', "import { x } from '../../scripts/lib/args';")[0]!.why).toContain('outside src/');
    expect(importViolations('src/map/palette.ts', "import { y } from '../../tests/support/z';")[0]!.why).toContain('outside src/');
  });

  it('fails a folder of src/ that has no place in the order', () => {
    expect(importViolations('src/ui/x.ts', "import { z } from '../newfolder/z';")[0]!.why).toContain('no place');
  });

  it('passes downward, same-layer and package imports', () => {
    const source = "import { a } from '../../domain/units';\nimport { b } from '../Legend';\nimport { c } from './tour';\nimport { d } from 'react';\nimport e from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';";
    expect(importViolations('src/ui/wall/WallMode.tsx', source)).toEqual([]);
    expect(importViolations('src/main.tsx', "import { App } from './ui/App';")).toEqual([]);
  });
});
