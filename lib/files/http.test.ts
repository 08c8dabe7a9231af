import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { fileNotFoundResponse, fileResponse } from "@/lib/files/http";
import { tinyPng } from "@/tests/factories/scan";

describe("fileResponse", () => {
  it("streams the bytes with the stored type and the safety headers", async () => {
    const png = tinyPng();
    const response = fileResponse({ stream: Readable.from([png]), contentType: "image/png", filename: "Carta de María.png", byteSize: png.length });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "image/png",
      "content-length": String(png.length),
      "content-disposition": `inline; filename="Carta de Maria.png"; filename*=UTF-8''Carta%20de%20Mar%C3%ADa.png`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'",
      "cross-origin-resource-policy": "same-origin",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it("says nothing but 'not found', and is not cached", async () => {
    const response = fileNotFoundResponse();
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.text()).toBe("Not found");
  });
});
