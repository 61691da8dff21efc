import { Message, MessageHeader } from 'apache-arrow';

/**
 * Cut one Arrow IPC stream into several complete streams of at most about `targetBytes`
 * each (the schema, then whole record batches, then the end marker), without decoding a
 * single value: messages are copied as bytes.
 *
 * Why: duckdb-wasm copies an inserted stream into wasm memory before it builds the table,
 * and wasm memory ends at 4 GB. At 5 million events the file is 1.8 GB and the table
 * another 2 GB, so one insert cannot fit; inserted in pieces, the peak is the table plus
 * one piece. The pieces also let the bytes arrive as a stream, never whole in the page.
 *
 * A stream's messages are framed as 0xFFFFFFFF, the metadata length (int32 LE), the
 * metadata (a flatbuffer that holds the body length), then the body; a metadata length of
 * 0 ends the stream. The pre-1.0 framing without the 0xFFFFFFFF marker is read too.
 * Dictionary batches are repeated at the head of every piece, as each piece is read alone.
 */
export async function* arrowIpcChunks(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, targetBytes = DEFAULT_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const input = new ByteQueue(bytes);
  const head: Uint8Array[] = []; // the schema message, then any dictionary batches
  let batches: Uint8Array[] = [];
  let batchBytes = 0;
  let sawSchema = false;
  const piece = () => concat([...head, ...batches, END_OF_STREAM]);
  for (;;) {
    const message = await readMessage(input);
    if (message === null) break;
    if (message.type === MessageHeader.Schema) {
      if (sawSchema) throw new ArrowStreamError('the stream holds a second schema');
      sawSchema = true;
      head.push(message.bytes);
    } else if (!sawSchema) {
      throw new ArrowStreamError('the stream does not start with a schema');
    } else if (message.type === MessageHeader.DictionaryBatch) {
      if (batches.length > 0) throw new ArrowStreamError('a dictionary batch follows record batches (delta dictionaries are not supported)');
      head.push(message.bytes);
    } else if (message.type === MessageHeader.RecordBatch) {
      if (batches.length > 0 && batchBytes + message.bytes.length > targetBytes) {
        yield piece();
        batches = [];
        batchBytes = 0;
      }
      batches.push(message.bytes);
      batchBytes += message.bytes.length;
    } else {
      throw new ArrowStreamError(`unexpected message type ${String(message.type)}`);
    }
  }
  if (!sawSchema) throw new ArrowStreamError(input.consumed === 0 ? 'the stream is empty' : 'the stream has no schema');
  // A stream without rows still yields one piece, so the table gets created with its columns.
  if (batches.length > 0 || head.length > 0) yield piece();
}

/** 64 MB: small next to wasm's 4 GB, large enough that per-insert overhead stays under 1 %. */
export const DEFAULT_CHUNK_BYTES = 64 * 2 ** 20;

export class ArrowStreamError extends Error {
  constructor(why: string) {
    super(`Not a readable Arrow IPC stream: ${why}`);
    this.name = 'ArrowStreamError';
  }
}

const CONTINUATION = 0xffffffff;
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

interface RawMessage { type: MessageHeader; bytes: Uint8Array }

/** The next whole message (framing, metadata and body) as bytes, or null at the end. */
async function readMessage(input: ByteQueue): Promise<RawMessage | null> {
  if (await input.atEnd()) return null; // the stream ended without its end marker: the format allows it
  const first = await input.peek(4);
  if (first === null) throw new ArrowStreamError('it ends inside a message header');
  const view = new DataView(first.buffer, first.byteOffset, 4);
  const marked = view.getUint32(0, true) === CONTINUATION;
  const prefixBytes = marked ? 8 : 4;
  const prefix = await input.peek(prefixBytes);
  if (prefix === null) throw new ArrowStreamError('it ends inside a message header');
  const metadataLength = new DataView(prefix.buffer, prefix.byteOffset, prefixBytes).getInt32(prefixBytes - 4, true);
  if (metadataLength === 0) { await input.take(prefixBytes); return null; }
  if (metadataLength < 0) throw new ArrowStreamError(`a message has a negative metadata length (${metadataLength})`);
  const header = await input.peek(prefixBytes + metadataLength);
  if (header === null) throw new ArrowStreamError('it ends inside a message');
  const message = Message.decode(header.subarray(prefixBytes));
  const bodyLength = Number(message.bodyLength);
  const whole = await input.take(prefixBytes + metadataLength + bodyLength);
  if (whole === null) throw new ArrowStreamError('it ends inside a message body');
  // Old framing is rewritten with the marker, so every piece uses one framing.
  const bytes = marked ? whole : concat([new Uint8Array([0xff, 0xff, 0xff, 0xff]), whole]);
  return { type: message.headerType, bytes };
}

/** Bytes arriving in pieces of any size, read by exact lengths. */
class ByteQueue {
  private readonly source: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  private pieces: Uint8Array[] = [];
  private buffered = 0;
  private done = false;
  consumed = 0;

  constructor(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.source = Symbol.asyncIterator in bytes ? bytes[Symbol.asyncIterator]() : bytes[Symbol.iterator]();
  }

  async atEnd(): Promise<boolean> {
    return (await this.peek(1)) === null;
  }

  /** The next n bytes without consuming them; null when the input ends first. */
  async peek(n: number): Promise<Uint8Array | null> {
    while (this.buffered < n && !this.done) {
      const next = await this.source.next();
      if (next.done) { this.done = true; break; }
      if (next.value.length === 0) continue;
      this.pieces.push(next.value);
      this.buffered += next.value.length;
    }
    if (this.buffered < n) return null;
    const firstPiece = this.pieces[0]!;
    if (firstPiece.length >= n) return firstPiece.subarray(0, n);
    // Joined once: the pieces are replaced by the joined bytes, so a later take is a view.
    const joined = concat(this.pieces);
    this.pieces = [joined];
    return joined.subarray(0, n);
  }

  async take(n: number): Promise<Uint8Array | null> {
    const bytes = await this.peek(n);
    if (bytes === null) return null;
    let left = n;
    while (left > 0) {
      const piece = this.pieces[0]!;
      if (piece.length <= left) { this.pieces.shift(); left -= piece.length; } else { this.pieces[0] = piece.subarray(left); left = 0; }
    }
    this.buffered -= n;
    this.consumed += n;
    return bytes;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}
