import { describe, expect, it } from "vitest";
import { LineBuffer } from "../../src/worlds/line-buffer.js";

describe("LineBuffer", () => {
  it("joins lines split across chunks (multi-byte characters included) and strips \\r", () => {
    const b = new LineBuffer(100);
    const text = Buffer.from('{"a":"é"}\r\n{"b":2}\n{"c"');
    expect(b.push(text.subarray(0, 8))).toEqual({ lines: [] });
    expect(b.push(text.subarray(8))).toEqual({ lines: ['{"a":"é"}', '{"b":2}'] });
    expect(b.push(Buffer.from(":3}\n"))).toEqual({ lines: ['{"c":3}'] });
  });

  it("refuses a line as soon as the bytes held pass the limit, before any newline, and stays refused", () => {
    const b = new LineBuffer(10);
    expect(b.push(Buffer.from("12345"))).toEqual({ lines: [] });
    expect(b.push(Buffer.from("678901"))).toEqual({ overflow: 11 });
    expect("overflow" in b.push(Buffer.from("\nok\n"))).toBe(true);
  });

  it("refuses a complete line longer than the limit even when it arrives in one chunk", () => {
    const b = new LineBuffer(4);
    expect(b.push(Buffer.from("ok\ntoo long\n"))).toEqual({ overflow: 8 });
  });
});
