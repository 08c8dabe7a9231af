// Which driver an environment gets.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { storageFor } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { S3Storage } from "@/lib/storage/s3";

const s3 = { S3_ENDPOINT: "https://s3.example.test", S3_BUCKET: "files", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };

describe("storageFor", () => {
  it("is the local disk by default, at .data/files under the working directory", () => {
    const store = storageFor(parseEnv({}), "/srv/studypack");
    expect(store).toBeInstanceOf(LocalStorage);
    expect((store as LocalStorage).root).toBe(path.resolve("/srv/studypack/.data/files"));
    expect((storageFor(parseEnv({ STORAGE_DIR: "/var/lib/studypack" }), "/srv/studypack") as LocalStorage).root).toBe("/var/lib/studypack");
  });

  it("is S3 when all four S3 settings are given", () => {
    expect(storageFor(parseEnv(s3))).toBeInstanceOf(S3Storage);
  });

  it("refuses a partial S3 setting, naming what is missing", () => {
    const { S3_BUCKET: _bucket, S3_SECRET_ACCESS_KEY: _secret, ...partial } = s3;
    const attempt = () => storageFor(parseEnv(partial));
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/S3_BUCKET.*\n.*S3_SECRET_ACCESS_KEY/);
  });
});
