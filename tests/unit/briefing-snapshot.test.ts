import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/build';
import type { BriefingKind } from '../../src/briefing/kinds';
import { briefingMarkdown } from '../../src/briefing/markdown';
import type { Database } from '../../src/engine/database';
import { loadDataset } from '../../src/engine/load';
import { createNodeDatabase } from '../../src/engine/node';
import { requireTestData } from '../support/test-data';
import { underTimeZones } from '../support/time-zones';

/**
 * The briefings of fixed dates of the seeded test city, kept as Markdown snapshots: a
 * change to any number, word or definition shows up in review as a diff of these files.
 * (Regenerate on purpose with `npx vitest run tests/unit/briefing-snapshot.test.ts -u`.)
 */
const CASES: { kind: BriefingKind; date: string; unit: string; lang: 'zh' | 'en' }[] = [
  { kind: 'daily', date: '2026-11-26', unit: '331100', lang: 'zh' },
  { kind: 'weekly', date: '2026-11-20', unit: '331100', lang: 'en' },
  { kind: 'monthly', date: '2026-10-15', unit: '331102', lang: 'zh' },
];

describe('briefing snapshots of the seeded test city', () => {
  let db: Database;
  let asOf: string;
  beforeAll(async () => {
    const data = requireTestData();
    asOf = data.asOf;
    db = await createNodeDatabase();
    await loadDataset(db, data.source);
  });
  afterAll(async () => { await db.close(); });

  for (const c of CASES) {
    it(`${c.kind} ${c.date} ${c.unit} (${c.lang})`, async () => {
      const markdown = briefingMarkdown(await buildBriefing(db, { kind: c.kind, date: c.date, unitCode: c.unit }, asOf), c.lang);
      await expect(markdown).toMatchFileSnapshot(`../snapshots/briefing-${c.kind}-${c.date}-${c.unit}.${c.lang}.md`);
    });
  }

  it('gives the same briefing whatever the time zone of the machine', async () => {
    const outputs = await underTimeZones(['America/Los_Angeles', 'Asia/Shanghai'], async () =>
      briefingMarkdown(await buildBriefing(db, { kind: 'weekly', date: '2026-11-20', unitCode: '331100' }, asOf), 'zh'));
    expect(outputs[0]!.length).toBeGreaterThan(1000);
    expect(outputs[1]).toBe(outputs[0]);
  });
});
