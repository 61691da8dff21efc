import { useState } from 'react';
import { format } from '../../i18n';
import { downloadFile, MIME_TYPES } from '../../export/download';
import { exportFileName, lastDayOf } from '../../export/filename';
import { META_KEY, type ExportMeta, type ExportSource } from '../../export/meta';
import { addPngText } from '../../export/png-meta';
import { useDataset } from '../DatasetContext';
import { captureMap } from './map-capture';
import { setResultLayer, useResultLayer } from './result-layer';
import { useMessages } from '../LanguageContext';
import { formatCount } from '../../domain/format';

const CAPTION_HEIGHT = 28;

/** The caption under the image: what and when, so a pasted screenshot still says it. */
function captionText(source: ExportSource, asOf: string): string {
  const period = source.period ? `${source.period.start.slice(0, 10)} – ${lastDayOf(source.period.end)}` : '';
  const filters = Object.entries(source.filters ?? {}).map(([k, v]) => `${k}: ${v.join(',')}`).join('  ');
  return [`OneMap · ${source.unitName ?? source.unitCode} (${source.unitCode})`, period, filters, `as of ${asOf.slice(0, 16)}`].filter(Boolean).join(' · ');
}

function canvasBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => {
    if (!blob) { reject(new Error('The map image could not be encoded as PNG')); return; }
    blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
  }, 'image/png'));
}

/** Map tools of the workbench: "export PNG" (the view plus a caption, its metadata in the file) and the console result layer, if any, with a way to remove it. */
export function ExportPngButton({ source, layer }: { source: ExportSource; layer: string }) {
  const { asOf } = useDataset();
  const t = useMessages().t.workbench;
  const [busy, setBusy] = useState(false);
  const exportPng = async () => {
    setBusy(true);
    try {
      const map = await captureMap();
      const out = document.createElement('canvas');
      out.width = map.width;
      out.height = map.height + CAPTION_HEIGHT;
      const context = out.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, out.width, out.height);
      context.drawImage(map, 0, 0);
      context.fillStyle = '#1d2733';
      context.font = '14px "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
      context.fillText(captionText(source, asOf), 8, map.height + 19, out.width - 16);
      const meta: ExportMeta = { what: `map-${layer}`, sql: null, source, edited: false, dataAsOf: asOf, exportedAt: new Date().toISOString(), rows: null, columns: [] };
      const png = addPngText(await canvasBytes(out), META_KEY, JSON.stringify(meta));
      downloadFile(png, exportFileName(meta, 'png'), MIME_TYPES.png);
    } finally {
      setBusy(false);
    }
  };
  const resultLayer = useResultLayer();
  return (
    <div className="map-tools">
      {resultLayer ? (
        <span className="map-result-chip" data-testid="result-layer-chip">
          <span className="swatch" aria-hidden="true" /> {format(t.resultLayerCount, { label: resultLayer.label, n: formatCount(resultLayer.length) })}
          <button type="button" onClick={() => setResultLayer(null)} title={t.removeFromMap} aria-label={t.removeFromMap}>×</button>
        </span>
      ) : null}
      <button type="button" className="map-export" data-testid="export-png" disabled={busy} title={t.exportPngTitle} onClick={() => void exportPng().catch(() => undefined)}>
        {t.exportPng}
      </button>
    </div>
  );
}
