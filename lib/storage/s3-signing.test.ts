// Request signing is aws4fetch's (decision 040); these pin it, with the options lib/storage/s3.ts
// uses (service "s3", the payload's SHA-256 in x-amz-content-sha256), to the examples of AWS's
// S3 API reference, "Signature Calculations for the Authorization Header: Transferring Payload
// in a Single Chunk": credentials AKIAIOSFODNN7EXAMPLE, 2013-05-24T00:00:00Z. The test S3 server
// (s3rver) does not check signatures, so without these nothing would.
import { createHash } from "node:crypto";
import { AwsV4Signer } from "aws4fetch";
import { describe, expect, it } from "vitest";

const example = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  datetime: "20130524T000000Z",
  region: "us-east-1",
  service: "s3",
};
const host = "examplebucket.s3.amazonaws.com";
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const EMPTY = sha256("");

describe("aws4fetch signs as AWS's S3 examples do", () => {
  it("PUT Object, a signed payload and a key that needs encoding (test$file.text)", async () => {
    const payloadHash = sha256("Welcome to Amazon S3.");
    expect(payloadHash).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const signer = new AwsV4Signer({
      ...example,
      method: "PUT",
      url: `https://${host}/test$file.text`,
      headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY", "x-amz-content-sha256": payloadHash },
    });
    expect((await signer.canonicalString()).split("\n").slice(0, 2)).toEqual(["PUT", "/test%24file.text"]);
    expect((await signer.stringToSign()).split("\n")[3]).toBe("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
    expect(await signer.authHeader()).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    );
  });

  it("GET Bucket (List Objects): query parameters sorted and encoded", async () => {
    const signer = new AwsV4Signer({ ...example, method: "GET", url: `https://${host}/?prefix=J&max-keys=2`, headers: { "x-amz-content-sha256": EMPTY } });
    expect((await signer.canonicalString()).split("\n")[2]).toBe("max-keys=2&prefix=J");
    expect(await signer.signature()).toBe("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  });

  it("GET Bucket Lifecycle: a query parameter without a value", async () => {
    const signer = new AwsV4Signer({ ...example, method: "GET", url: `https://${host}/?lifecycle`, headers: { "x-amz-content-sha256": EMPTY } });
    expect((await signer.canonicalString()).split("\n")[2]).toBe("lifecycle=");
    expect(await signer.signature()).toBe("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  });

  it("a slash in a query value is encoded once (ListObjectsV2 prefix=scans/)", async () => {
    const signer = new AwsV4Signer({ ...example, method: "GET", url: `https://${host}/b?list-type=2&prefix=scans%2F2026%2F`, headers: { "x-amz-content-sha256": EMPTY } });
    expect((await signer.canonicalString()).split("\n").slice(1, 3)).toEqual(["/b", "list-type=2&prefix=scans%2F2026%2F"]);
  });
});
