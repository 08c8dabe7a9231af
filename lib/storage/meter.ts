// A pass-through stream that counts and hashes what flows through it, so a file can be sized
// and fingerprinted (StoredFile.byteSize, .sha256) on its way to storage without being held in
// memory or read twice.
import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

export class Meter extends Transform {
  byteSize = 0;
  private readonly hash: Hash = createHash("sha256");

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.byteSize += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  /** Hex SHA-256 of everything that passed; call once, after the stream has ended. */
  sha256(): string {
    return this.hash.digest("hex");
  }
}
