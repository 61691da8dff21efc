/**
 * Hand bytes or text to the browser as a file download: a Blob URL on a temporary link,
 * so nothing leaves the page (no server round trip, works offline).
 */
export function downloadFile(content: string | Uint8Array, fileName: string, mimeType: string): void {
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const MIME_TYPES = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  arrow: 'application/vnd.apache.arrow.stream',
  parquet: 'application/vnd.apache.parquet',
  png: 'image/png',
} as const;
