import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tableFromArrays, tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/engine/node';
import { readArrowMeta, toArrowIpc } from '../../src/export/arrow';
import { exportFileName, lastDayOf } from '../../src/export/filename';
import { toJson } from '../../src/export/json';
import { META_KEY, type ExportMeta } from '../../src/export/meta';
import { arrowIpcToParquet, initParquet, parquetToArrowIpc } from '../../src/export/parquet';
import { addPngText, readPngText } from '../../src/export/png-meta';
import { PNG } from 'pngjs';
import { maskTextColumns } from '../../src/export/mask-table';
import { maskPersonalData } from '../../src/domain/mask';

const require = createRequire(import.meta.url);

const META: ExportMeta = {
  what: 'ranking', sql: 'SELECT 1', edited: false, dataAsOf: '2026-11-27 23:59:59', exportedAt: '2026-11-28T13:21:05.000Z', rows: 2,
  columns: [{ name: 'code', type: 'Utf8' }],
  source: { panel: 'ranking', unitCode: '331102', unitName: '莲都区', period: { start: '2026-10-29 00:00:00', end: '2026-11-28 00:00:00' }, filters: { categories: ['noise'] } },
};

/** A DuckDB result with the types a console query typically returns, as the app gets it (Arrow IPC). */
async function sampleTable() {
  const db = await createNodeDatabase();
  try {
    return tableFromIPC(db.exportArrowIpc(`SELECT * FROM (VALUES
      ('331102', '莲都区', -5, 0.25::DOUBLE, 3000000000::BIGINT, TIMESTAMP '2026-11-27 08:30:00', true),
      ('331122', '缙云县 =1', NULL, NULL, NULL, NULL, NULL)
    ) AS t(code, name, delta, rate, big, seen_at, flag)`));
  } finally {
    await db.close();
  }
}

describe('Arrow IPC, Parquet and JSON exports', () => {
  beforeAll(async () => {
    await initParquet(readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
  });

  it('round-trips Arrow IPC with the metadata in the schema', async () => {
    const table = await sampleTable();
    const back = tableFromIPC(toArrowIpc(table, META));
    expect(back.numRows).toBe(2);
    expect(back.schema.fields.map((f) => String(f.type))).toEqual(table.schema.fields.map((f) => String(f.type)));
    expect(back.getChild('name')!.toArray()).toEqual(['莲都区', '缙云县 =1']);
    expect(back.getChild('big')!.get(0)).toBe(3000000000n);
    expect(readArrowMeta(back)).toEqual(META);
  });

  it('round-trips Parquet through parquet-wasm back to Arrow, with the metadata', async () => {
    const table = await sampleTable();
    const file = arrowIpcToParquet(toArrowIpc(table, null), META);
    expect(new TextDecoder().decode(file.subarray(0, 4))).toBe('PAR1');
    const back = tableFromIPC(parquetToArrowIpc(file));
    expect(back.numRows).toBe(2);
    expect(back.schema.fields.map((f) => f.name)).toEqual(['code', 'name', 'delta', 'rate', 'big', 'seen_at', 'flag']);
    for (const name of ['code', 'name', 'delta', 'rate', 'flag']) expect(back.getChild(name)!.toArray(), name).toEqual(table.getChild(name)!.toArray());
    expect(back.getChild('big')!.get(0)).toBe(3000000000n);
    expect(back.getChild('seen_at')!.get(0)).toBe(table.getChild('seen_at')!.get(0));
    expect(back.getChild('delta')!.get(1)).toBeNull();
    // The key-value metadata is in the file footer as plain text.
    expect(Buffer.from(file).includes(Buffer.from(META_KEY))).toBe(true);
    expect(Buffer.from(file).includes(Buffer.from('"unitCode":"331102"'))).toBe(true);
  });

  it('writes JSON with meta, columns and rows; big integers stay exact', async () => {
    const table = tableFromArrays({ id: BigInt64Array.from([9007199254740993n, 1n]), name: ['=1+1', '紫金街道'] });
    const parsed = JSON.parse(toJson(table, META)) as { meta: ExportMeta; columns: unknown[]; rows: Record<string, unknown>[] };
    expect(parsed.meta).toEqual(META);
    expect(parsed.columns).toEqual([{ name: 'id', type: 'Int64' }, { name: 'name', type: 'Dictionary<Int32, Utf8>' }]);
    // JSON is data, not a spreadsheet: text is kept as it is.
    expect(parsed.rows).toEqual([{ id: '9007199254740993', name: '=1+1' }, { id: 1, name: '紫金街道' }]);
  });

  it('masks phone numbers in text columns for the binary exports, keeping NULLs and other columns', async () => {
    const table = tableFromIPC(toArrowIpc(tableFromArrays({ n: Int32Array.from([1, 2, 3]) }), null));
    const db = await createNodeDatabase();
    try {
      const source = tableFromIPC(db.exportArrowIpc("SELECT * FROM (VALUES (1, '紫金街道 电话13912345678'), (2, NULL), (3, '无')) AS t(n, description)"));
      const masked = tableFromIPC(toArrowIpc(maskTextColumns(source, maskPersonalData), null));
      expect(masked.getChild('description')!.toArray()).toEqual(['紫金街道 电话139****5678', null, '无']);
      expect(masked.getChild('n')!.toArray()).toEqual(table.getChild('n')!.toArray());
    } finally {
      await db.close();
    }
  });

  it('writes the metadata into a PNG that still decodes', () => {
    const image = new PNG({ width: 2, height: 2 });
    image.data.fill(200);
    const png = new Uint8Array(PNG.sync.write(image));
    const withText = addPngText(png, META_KEY, JSON.stringify(META));
    expect(readPngText(withText).get(META_KEY)).toBe(JSON.stringify(META));
    expect(PNG.sync.read(Buffer.from(withText)).width).toBe(2);
  });
});

describe('export file names', () => {
  it.each([
    [META, 'csv', 'onemap_ranking_331102_2026-10-29_2026-11-27.csv'],
    [{ ...META, what: 'kpi-strip', source: { panel: 'kpi-strip', unitCode: '331100' } }, 'json', 'onemap_kpi-strip_331100_20261128-1321.json'],
    [{ ...META, what: 'sql', source: null }, 'parquet', 'onemap_sql_20261128-1321.parquet'],
    [{ ...META, what: '../../etc/passwd 噪声', source: null }, '.arrow', 'onemap_etc-passwd-噪声_20261128-1321.arrow'],
    [{ ...META, what: 'sql', edited: true }, 'csv', 'onemap_sql_20261128-1321.csv'],
  ] as const)('%#: %s', (meta, extension, expected) => {
    expect(exportFileName(meta, extension)).toBe(expected);
  });

  it('names the last day inside an end-exclusive period', () => {
    expect(lastDayOf('2026-11-28 00:00:00')).toBe('2026-11-27');
    expect(lastDayOf('2026-11-28 00:00:01')).toBe('2026-11-28');
  });
});
