// `npm run briefing -- --period daily|weekly|monthly --date YYYY-MM-DD [--unit CODE] [--lang zh|en]
//   [--data DIR] [--link-base URL] --out FILE.md`: a consultation briefing as Markdown, for scheduled runs
//   (--link-base: the dashboard's address, so the map links open from a mail or a chat).
// It loads the same files the page loads into the same DuckDB build and runs the same
// builders (src/briefing), so its numbers are the page's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBriefing } from '../src/briefing/build';
import { isBriefingKind } from '../src/briefing/kinds';
import { briefingMarkdown } from '../src/briefing/markdown';
import { checkBriefingDate } from '../src/briefing/request';
import { checkUnitCode } from '../src/domain/unit-codes';
import { bestEventsFormat, loadDataset, type DatasetFiles } from '../src/engine/load';
import { createNodeDatabase } from '../src/engine/node';
import { rootUnitCode } from '../src/engine/root-unit';
import { parseArgs } from './lib/args';

const USAGE = 'usage: npm run briefing -- --period daily|weekly|monthly --date YYYY-MM-DD [--unit CODE] [--lang zh|en] [--data DIR] [--link-base URL] --out FILE.md';

async function main(): Promise<void> {
  const { values } = parseArgs(process.argv.slice(2), ['period', 'date', 'unit', 'lang', 'data', 'out', 'link-base'], []);
  const { period, date, out } = values;
  const lang = values.lang ?? 'zh';
  const dataDir = values.data ?? 'data/demo';
  if (!period || !isBriefingKind(period)) throw new Error(`--period must be daily, weekly or monthly\n${USAGE}`);
  if (!date) throw new Error(`--date is required\n${USAGE}`);
  checkBriefingDate(date);
  if (lang !== 'zh' && lang !== 'en') throw new Error(`--lang must be zh or en\n${USAGE}`);
  if (!out) throw new Error(`--out is required\n${USAGE}`);
  if (values.unit !== undefined) checkUnitCode(values.unit, '--unit');
  const manifestPath = join(dataDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No dataset at ${dataDir} (missing manifest.json): run "npm run generate" or pass --data DIR`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as DatasetFiles & { as_of?: unknown };
  if (typeof manifest.as_of !== 'string') throw new Error(`${manifestPath}: field "as_of" is missing or not a string`);

  const db = await createNodeDatabase();
  try {
    await loadDataset(db, { read: async (name) => readFileSync(join(dataDir, name)) }, bestEventsFormat(manifest));
    // Without --unit, the briefing is about the data's top unit (its city), whatever city that is.
    const unit = values.unit ?? await rootUnitCode(db);
    const briefing = await buildBriefing(db, { kind: period, date, unitCode: unit }, manifest.as_of);
    writeFileSync(out, briefingMarkdown(briefing, lang, { linkBase: values['link-base'] }));
    const total = briefing.queries.reduce((sum, q) => sum + q.ms, 0);
    console.log(`Wrote ${out}: ${briefing.unit.name}, ${period} ${date}, ${briefing.queries.length} queries in ${Math.round(total)} ms`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
