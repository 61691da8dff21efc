import { LoaderRefusal, refuseIfTooLarge } from '../../ingest/pipeline';
import { format as fill, MESSAGES } from '../../i18n';

export interface SourceBytes { name: string; bytes: Uint8Array }

/** A picked or dropped file, refused from its size before a byte is read when it cannot fit. */
export async function readPickedFile(file: File, kind: 'events' | 'boundaries', usedBytes: number): Promise<SourceBytes> {
  refuseIfTooLarge(file.name, file.size, kind, usedBytes);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * A file from a URL typed by the user. Another origin is refused before any request: the
 * page's CSP (src/security/csp.ts) allows only its own origin, and data must not leave for
 * another site anyway. A size announced by the server is checked before the body is read.
 */
export async function readUrl(text: string, kind: 'events' | 'boundaries', usedBytes: number): Promise<SourceBytes> {
  const url = new URL(text, window.location.href);
  const say = (key: 'urlForeign' | 'urlFailed', values: Record<string, string>) =>
    new LoaderRefusal(fill(MESSAGES.zh.data[key], values), fill(MESSAGES.en.data[key], values));
  if (url.origin !== window.location.origin) throw say('urlForeign', { origin: url.origin, self: window.location.origin });
  let response: Response;
  try {
    response = await fetch(url.href);
  } catch (error) {
    throw say('urlFailed', { url: url.href, message: (error as Error).message });
  }
  if (!response.ok) throw say('urlFailed', { url: url.href, message: `HTTP ${response.status}` });
  const name = decodeURIComponent(url.pathname.split('/').pop() || 'download');
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > 0) refuseIfTooLarge(name, length, kind, usedBytes);
  return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
}
