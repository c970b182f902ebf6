/** Splits a byte stream into lines without ever holding more than one line (bounded) in memory. */
import type { Readable } from 'node:stream';

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The line's bytes without its terminator; null when it was longer than the limit (and skipped). */
  bytes: Buffer | null;
  /** Bytes consumed including the terminator. */
  size: number;
}

export async function* lines(stream: Readable, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let number = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(0x0a, from);
      const end = nl < 0 ? chunk.length : nl;
      if (!tooLong) {
        if (partBytes + (end - from) > maxLineBytes) {
          tooLong = true;
          parts = [];
        } else parts.push(chunk.subarray(from, end));
      }
      partBytes += end - from;
      if (nl < 0) break;
      number++;
      yield finish();
      from = nl + 1;
    }
  }
  if (partBytes > 0 || tooLong) {
    number++;
    yield finish();
  }

  function finish(): Line {
    let bytes = tooLong ? null : parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    if (bytes && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    const line = { number, bytes, size: partBytes + 1 };
    parts = [];
    partBytes = 0;
    tooLong = false;
    return line;
  }
}
