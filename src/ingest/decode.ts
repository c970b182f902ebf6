/** Turns the bytes of one input into text, or says in a few words why they are not text. */
import { isUtf8 } from 'node:buffer';

/** How many leading bytes are inspected for NUL and control bytes. */
const SNIFF_BYTES = 8192;
/** Above this share of control bytes in the sniffed prefix a file is treated as binary (text has ~0%). */
const MAX_CONTROL_SHARE = 0.05;

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  // UTF-16 with a byte-order mark is still text: Windows tools write it.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const b of sniff) {
    if (b === 0) return { ok: false, reason: 'binary content (NUL bytes), not a text document' };
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) controls++;
  }
  if (controls / sniff.length > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary content, not a text document' };
  if (!isUtf8(bytes)) return { ok: false, reason: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}` };
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}

/** Offset of the first byte that breaks UTF-8 (only called once a document is known to be invalid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
