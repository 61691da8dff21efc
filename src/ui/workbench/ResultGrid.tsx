import { memo, useMemo, useRef } from 'react';
import type { Table } from 'apache-arrow';
import { useVirtualizer } from '@tanstack/react-virtual';
import { createColumnReaders, type ColumnReader } from '../../export/cell-text';
import { useMessages } from '../LanguageContext';

const ROW_HEIGHT = 26;
const INDEX_WIDTH = 64;

function columnWidth(reader: ColumnReader): number {
  const base = reader.kind === 'number' || reader.kind === 'boolean' ? 110 : reader.kind === 'temporal' ? 170 : 200;
  return Math.max(base, Math.min(320, 16 + reader.name.length * 9));
}

/**
 * The result as a virtualised table: only the rows in view (plus a few) are in the DOM,
 * and each cell is read from the Arrow columns when it is drawn, so 100,000 rows cost no
 * more to show than 100. Values are rendered as text, never as HTML.
 */
export function ResultGrid({ table }: { table: Table }) {
  const t = useMessages().t.workbench;
  const scroller = useRef<HTMLDivElement>(null);
  const readers = useMemo(() => createColumnReaders(table), [table]);
  const widths = useMemo(() => readers.map(columnWidth), [readers]);
  const template = `${INDEX_WIDTH}px ${widths.map((w) => `${w}px`).join(' ')}`;
  const totalWidth = INDEX_WIDTH + widths.reduce((a, b) => a + b, 0);
  const virtualizer = useVirtualizer({ count: table.numRows, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  return (
    <div className="result-grid" ref={scroller} data-testid="result-grid" data-rows={table.numRows} role="table" aria-rowcount={table.numRows + 1}>
      <div className="result-header" role="row" style={{ gridTemplateColumns: template, width: totalWidth }}>
        <span className="result-index" role="columnheader">#</span>
        {readers.map((r, column) => (
          <span key={column} role="columnheader" className={`result-cell kind-${r.kind}`} title={`${r.name}: ${r.type}`}>
            {r.name}<small>{r.type}</small>
          </span>
        ))}
      </div>
      {table.numRows === 0 ? <div className="result-empty">{t.empty}</div> : null}
      <div className="result-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {virtualizer.getVirtualItems().map((item) => (
          <ResultRow key={item.key} index={item.index} start={item.start} readers={readers} template={template} nullText={t.nullValue} />
        ))}
      </div>
    </div>
  );
}

interface ResultRowProps { index: number; start: number; readers: ColumnReader[]; template: string; nullText: string }

/** One row; memoised so that rows staying in view are not drawn again while scrolling. */
const ResultRow = memo(function ResultRow({ index, start, readers, template, nullText }: ResultRowProps) {
  return (
    <div className="result-row" role="row" data-row={index} aria-rowindex={index + 2}
      style={{ gridTemplateColumns: template, transform: `translateY(${start}px)`, height: ROW_HEIGHT }}>
      <span className="result-index">{index + 1}</span>
      {readers.map((reader, column) => {
        const text = reader.text(index);
        return text === null
          ? <span key={column} role="cell" className="result-cell null">{nullText}</span>
          : <span key={column} role="cell" className={`result-cell kind-${reader.kind}`} title={text.length > 30 ? text : undefined}>{text}</span>;
      })}
    </div>
  );
});
