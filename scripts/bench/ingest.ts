import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { decodeText, ingestCsvInChunks, ingestEventsFile, type EventMapping } from '../../src/ingest';
import { measure, summarize, type Timing } from './stats';

/**
 * Bring-your-own-data speed (issue #6): the dataset's events CSV read, validated and encoded
 * as Arrow, (1) by the library in Node, whole file (what the loader worker runs) and in
 * chunks of 50,000 rows, and (2) in the page, through the real file input and the loader
 * worker, from the file chosen to the mapping step (read + parse) and from "validate" to the
 * review step (validate + Arrow). No grid boundaries are loaded: the file has grid codes.
 */
export interface IngestBench {
  csvBytes: number;
  node: { wholeFile: Timing; chunked: Timing; accepted: number; rejected: number };
  browser: { read: Timing; validate: Timing; accepted: number; rejected: number } | { failed: string };
}

/** Time of a page step: from `start` until one of the test ids shows, which it returns. */
async function step(page: Page, start: () => Promise<void>, ends: string[], timeoutMs: number): Promise<{ ms: number; ended: string }> {
  const t0 = performance.now();
  await start();
  const ended = await Promise.race(ends.map((id) => page.getByTestId(id).waitFor({ timeout: timeoutMs }).then(() => id)));
  return { ms: performance.now() - t0, ended };
}

async function inBrowser(page: Page, csvPath: string, runs: number): Promise<IngestBench['browser']> {
  const origin = new URL(page.url()).origin;
  const reads: number[] = [];
  const validations: number[] = [];
  let accepted = 0;
  let rejected = 0;
  for (let i = 0; i < runs; i++) {
    await page.goto(`${origin}/?mode=data&lang=en`);
    await page.getByTestId('data-loader').waitFor({ timeout: 600_000 });
    const read = await step(page, () => page.getByTestId('events-input').setInputFiles(csvPath), ['mapping-step', 'loader-error'], 1_200_000);
    if (read.ended === 'loader-error') return { failed: (await page.getByTestId('loader-error').textContent()) ?? 'error' };
    const validate = await step(page, () => page.getByTestId('validate').click(), ['review-step', 'loader-error'], 1_200_000);
    if (validate.ended === 'loader-error') return { failed: (await page.getByTestId('loader-error').textContent()) ?? 'error' };
    accepted = Number(await page.getByTestId('count-accepted').getAttribute('data-value'));
    rejected = Number(await page.getByTestId('count-rejected').getAttribute('data-value'));
    reads.push(read.ms);
    validations.push(validate.ms);
    await page.getByTestId('cancel').click();
  }
  return { read: summarize(reads), validate: summarize(validations), accepted, rejected };
}

export async function benchIngest(dataDir: string, page: Page, runs: number): Promise<IngestBench> {
  const csvPath = join(dataDir, 'events.csv');
  const bytes = new Uint8Array(readFileSync(csvPath));
  let accepted = 0;
  let rejected = 0;
  let mapping: EventMapping | null = null;
  const wholeFile = await measure(async () => {
    const ingested = await ingestEventsFile(bytes, 'events.csv');
    accepted = ingested.result.counts.accepted;
    rejected = ingested.result.counts.rejected;
    mapping = ingested.mapping;
  }, runs, 0);
  const chunked = await measure(() => {
    const { text } = decodeText(bytes);
    // The same mapping as the whole-file path, so that both validate the same columns.
    const result = ingestCsvInChunks(text, 'events.csv', mapping!);
    if (result.counts.accepted !== accepted) throw new Error(`Chunked ingest accepted ${result.counts.accepted} rows, the whole-file path ${accepted}`);
  }, runs, 0);
  const browser = await inBrowser(page, csvPath, runs);
  if ('accepted' in browser && (browser.accepted !== accepted || browser.rejected !== rejected)) {
    throw new Error(`The page accepted ${browser.accepted} and rejected ${browser.rejected} rows, the library in Node ${accepted} and ${rejected}`);
  }
  return { csvBytes: statSync(csvPath).size, node: { wholeFile, chunked, accepted, rejected }, browser };
}

const ms = (t: Timing) => `${t.median >= 100 ? t.median.toFixed(0) : t.median.toFixed(1)} / ${t.p95 >= 100 ? t.p95.toFixed(0) : t.p95.toFixed(1)}`;
const perSecond = (rows: number, t: Timing) => `${Math.round(rows / (t.median / 1000)).toLocaleString('en-US')} rows/s`;

/** Rows of the size's table (columns: measure, browser, native, browser ÷ native, plain JS, ratio); "native" here is the library in Node. */
export function ingestRows(events: number, r: IngestBench): string[] {
  const size = `${Math.round(r.csvBytes / 2 ** 20)} MiB CSV, ${r.node.wholeFile.runs} run${r.node.wholeFile.runs > 1 ? 's' : ''}`;
  if ('failed' in r.browser) {
    return [`| bring your own data: ingest of the events CSV (${size}) in the page | failed: ${r.browser.failed.replaceAll('|', '/')} | ${ms(r.node.wholeFile)} (library in Node, whole file) | | | |`];
  }
  const total = summarize([r.browser.read.median + r.browser.validate.median]);
  return [
    `| bring your own data: read + parse the events CSV (${size}) in the loader worker | ${ms(r.browser.read)} | | | | |`,
    `| bring your own data: validate + Arrow in the loader worker (${r.browser.accepted.toLocaleString('en-US')} accepted) | ${ms(r.browser.validate)} | | | | |`,
    `| bring your own data: whole ingest, page vs the library in Node (whole file; chunked ${ms(r.node.chunked)}) | ${fmtS(total.median)} (${perSecond(events, total)}) | ${fmtS(r.node.wholeFile.median)} (${perSecond(events, r.node.wholeFile)}) | ${(total.median / r.node.wholeFile.median).toFixed(2)}× | | |`,
  ];
}

const fmtS = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;
