import { format, messages } from '../i18n';
import { periodLabel, type Language } from './labels';
import type { Briefing } from './model';
import { writeSummary } from './summary';
import { briefingTables, mapTargetQuery, MATTER_TABLES, type BriefingTable } from './tables';

/**
 * Text from the data is escaped, so that a description or an address cannot become a link,
 * an image, HTML, emphasis or table structure in whatever renders the Markdown: brackets
 * (links and images need them), HTML's angle brackets, emphasis and code marks and table
 * pipes anywhere, and block markers (#, +, -, >, digits with a dot) at the start.
 */
export function escapeInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** A whole line: also its block marker (heading, list, quote) when the text starts with one. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(/^(\s*)([#+\->=])/, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function table(t: BriefingTable, lang: Language, emptyText: string, linkBase: string): string[] {
  const words = messages(lang).briefing;
  if (t.unavailable) return [`${words.unavailable}${escapeMarkdown(t.unavailable)}`, ''];
  if (t.rows.length === 0) return [emptyText, ''];
  const lines: string[] = [];
  if (t.total !== undefined && t.total > t.rows.length) {
    lines.push(format(words.listed, { total: t.total, shown: t.rows.length }), '');
  }
  lines.push(`| ${t.columns.map(escapeInline).join(' | ')} |`, `|${t.columns.map(() => ' --- ').join('|')}|`);
  t.rows.forEach((row, i) => {
    const target = t.targets?.[i];
    const cells = row.map((c, j) => {
      const text = escapeInline(c.text);
      return j === (t.linkColumn ?? 0) && target ? `[${text}](${linkBase}${mapTargetQuery(target)})` : text;
    });
    lines.push(`| ${cells.join(' | ')} |`);
  });
  lines.push('');
  return lines;
}

/** The request's attribute filters as "key=a,b; key=c" (empty when none). */
function filterText(b: Briefing): string {
  return Object.entries(b.request.filter ?? {})
    .filter(([, v]) => Array.isArray(v) && v.length > 0)
    .map(([k, v]) => `${k}=${(v as unknown[]).join(',')}`)
    .join('; ');
}

/**
 * The briefing as Markdown: the command's output and the page's "Markdown" export. It
 * carries no generation time, so the same data and request always give the same bytes
 * (the snapshot test and the page/command agreement rely on that).
 */
export interface MarkdownOptions {
  /**
   * The page's address (origin and path) put before every map link, so that a link opens
   * from a mail or a chat; without it links are relative to wherever the file is opened
   * (the command line's default, and the snapshots').
   */
  linkBase?: string;
}

export function briefingMarkdown(b: Briefing, lang: Language, options: MarkdownOptions = {}): string {
  const linkBase = options.linkBase ?? '';
  const all = messages(lang);
  const words = all.briefing;
  const colon = all.colon;
  const empty = words.none;
  const filters = filterText(b);
  const facts = [
    `${words.period}${colon}${periodLabel(b, lang)}`,
    `${words.dataTime}${colon}${b.dataAsOf}`,
    `${words.endOfPeriod}${colon}${b.periods.asOf}`,
    ...(filters ? [`${words.filters}${colon}${escapeMarkdown(filters)}`] : []),
  ];
  const lines: string[] = [
    `# ${escapeMarkdown(format(words.titleOf, { unit: b.unit.name, kind: words.kindNames[b.kind] }))}`, '',
    // Two trailing spaces make a Markdown line break between the facts.
    facts.join('  \n'), '',
    `## ${words.summary}`, '', ...writeSummary(b, lang).map(escapeMarkdown), '',
  ];
  const byId = new Map(briefingTables(b, lang).map((t) => [t.id, t]));
  const section = (id: string, level = '##') => {
    const t = byId.get(id);
    if (!t) return;
    lines.push(`${level} ${escapeMarkdown(t.title)}`, '', ...table(t, lang, empty, linkBase));
    if (t.note) lines.push(`> ${escapeMarkdown(t.note)}`, '');
  };
  section('headline');
  section('indicators');
  lines.push(`## ${words.matters}`, '');
  for (const id of MATTER_TABLES) section(id, '###');
  for (const id of ['series', 'categories', 'children', 'departments']) section(id);
  lines.push('---', '', words.footer, '');
  return lines.join('\n');
}
