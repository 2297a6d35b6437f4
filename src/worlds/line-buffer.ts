/**
 * Splits a byte stream into lines while bounding what it holds: a line longer than `maxBytes` is
 * refused as soon as the buffer passes the limit, not when its newline finally arrives (a world that
 * writes endlessly without a newline must not exhaust memory). Pure: no I/O.
 */
export class LineBuffer {
  private chunks: Buffer[] = [];
  private held = 0;
  private overflowed = false;

  constructor(readonly maxBytes: number) {}

  /** Adds a chunk; returns the complete lines it finished, or `overflow` once the pending line is too long. */
  push(chunk: Buffer): { lines: string[] } | { overflow: number } {
    if (this.overflowed) return { overflow: this.held };
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      const piece = chunk.subarray(start, nl);
      if (this.held + piece.length > this.maxBytes) return this.overflow(this.held + piece.length);
      lines.push(stripCr(Buffer.concat([...this.chunks, piece]).toString("utf8")));
      this.chunks = [];
      this.held = 0;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (this.held + rest.length > this.maxBytes) return this.overflow(this.held + rest.length);
    if (rest.length > 0) {
      this.chunks.push(Buffer.from(rest));
      this.held += rest.length;
    }
    return { lines };
  }

  private overflow(size: number): { overflow: number } {
    // Drop what is held: the line is refused whole, so keeping it would only cost memory.
    this.overflowed = true;
    this.chunks = [];
    this.held = size;
    return { overflow: size };
  }
}

function stripCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
