import { describe, expect, it } from "vitest";
import { BodyTooLarge, readBodyText } from "@/lib/http/read-body";

const streamOf = (parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://studypack.test/x", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

describe("readBodyText", () => {
  it("reads a body within the limit, in any number of chunks, as UTF-8", async () => {
    expect(await readBodyText(post(streamOf(["{\"a\":", "\"é😀\"}"])), 100)).toBe('{"a":"é😀"}');
    expect(await readBodyText(post(null), 100)).toBe("");
  });

  it("refuses a declared length over the limit without reading", async () => {
    await expect(readBodyText(post("x", { "content-length": "101" }), 100)).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it("stops reading a body without a length once it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64));
      },
    });
    await expect(readBodyText(post(endless), 1000)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(pulled).toBeLessThan(40);
  });
});
