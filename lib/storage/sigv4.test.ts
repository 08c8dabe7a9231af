// Request signing against AWS's published examples:
// - the Signature Version 4 test suite (get-vanilla, get-vanilla-query-order-key-case,
//   post-vanilla): credentials AKIDEXAMPLE, service "service", 2015-08-30T12:36:00Z;
// - the four examples of the S3 API reference, "Signature Calculations for the Authorization
//   Header: Transferring Payload in a Single Chunk" (GET Object, PUT Object, GET Bucket
//   Lifecycle, GET Bucket list): credentials AKIAIOSFODNN7EXAMPLE, 2013-05-24T00:00:00Z.
// The S3 examples also give the canonical request and the string to sign, so those are checked
// too: a mismatch then points at the step that is wrong.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EMPTY_PAYLOAD_SHA256, encodeKeyPath, sign, toAmzDate } from "@/lib/storage/sigv4";

const suite = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  amzDate: "20150830T123600Z",
  region: "us-east-1",
  service: "service",
};

const s3 = {
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  amzDate: "20130524T000000Z",
  region: "us-east-1",
  service: "s3",
};
const s3Host = "examplebucket.s3.amazonaws.com";
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("SigV4 test suite", () => {
  const suiteRequest = (method: string, url: string) =>
    sign({
      ...suite,
      method,
      url: new URL(url),
      headers: { Host: "example.amazonaws.com", "X-Amz-Date": suite.amzDate },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    });

  it("get-vanilla", () => {
    const signed = suiteRequest("GET", "https://example.amazonaws.com/");
    expect(signed.canonicalRequest).toBe(
      ["GET", "/", "", "host:example.amazonaws.com", "x-amz-date:20150830T123600Z", "", "host;x-amz-date", EMPTY_PAYLOAD_SHA256].join("\n"),
    );
    expect(signed.stringToSign).toBe(
      ["AWS4-HMAC-SHA256", "20150830T123600Z", "20150830/us-east-1/service/aws4_request", "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"].join("\n"),
    );
    expect(signed.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  it("get-vanilla-query-order-key-case", () => {
    expect(suiteRequest("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1").signature).toBe(
      "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
    );
  });

  it("post-vanilla", () => {
    expect(suiteRequest("POST", "https://example.amazonaws.com/").signature).toBe("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
  });
});

describe("S3 API reference examples", () => {
  it("GET Object", () => {
    const signed = sign({
      ...s3,
      method: "GET",
      url: new URL(`https://${s3Host}/test.txt`),
      headers: { Host: s3Host, Range: "bytes=0-9", "x-amz-content-sha256": EMPTY_PAYLOAD_SHA256, "x-amz-date": s3.amzDate },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    });
    expect(signed.canonicalRequest).toBe(
      [
        "GET",
        "/test.txt",
        "",
        `host:${s3Host}`,
        "range:bytes=0-9",
        `x-amz-content-sha256:${EMPTY_PAYLOAD_SHA256}`,
        "x-amz-date:20130524T000000Z",
        "",
        "host;range;x-amz-content-sha256;x-amz-date",
        EMPTY_PAYLOAD_SHA256,
      ].join("\n"),
    );
    expect(signed.stringToSign.split("\n")[3]).toBe("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    expect(signed.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("PUT Object, with a key that needs encoding (test$file.text)", () => {
    const payloadHash = sha256("Welcome to Amazon S3.");
    expect(payloadHash).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    expect(encodeKeyPath("test$file.text")).toBe("test%24file.text");
    const signed = sign({
      ...s3,
      method: "PUT",
      url: new URL(`https://${s3Host}/${encodeKeyPath("test$file.text")}`),
      headers: {
        Host: s3Host,
        Date: "Fri, 24 May 2013 00:00:00 GMT",
        "x-amz-date": s3.amzDate,
        "x-amz-storage-class": "REDUCED_REDUNDANCY",
        "x-amz-content-sha256": payloadHash,
      },
      payloadHash,
    });
    expect(signed.canonicalRequest.split("\n").slice(0, 2)).toEqual(["PUT", "/test%24file.text"]);
    expect(signed.stringToSign.split("\n")[3]).toBe("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
    expect(signed.signature).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("GET Bucket Lifecycle (a query parameter without a value)", () => {
    const signed = sign({
      ...s3,
      method: "GET",
      url: new URL(`https://${s3Host}/?lifecycle`),
      headers: { Host: s3Host, "x-amz-date": s3.amzDate, "x-amz-content-sha256": EMPTY_PAYLOAD_SHA256 },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    });
    expect(signed.canonicalRequest.split("\n")[2]).toBe("lifecycle=");
    expect(signed.stringToSign.split("\n")[3]).toBe("9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca");
    expect(signed.signature).toBe("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  });

  it("GET Bucket (List Objects), query parameters sorted", () => {
    const signed = sign({
      ...s3,
      method: "GET",
      url: new URL(`https://${s3Host}/?prefix=J&max-keys=2`),
      headers: { Host: s3Host, "x-amz-date": s3.amzDate, "x-amz-content-sha256": EMPTY_PAYLOAD_SHA256 },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    });
    expect(signed.canonicalRequest.split("\n")[2]).toBe("max-keys=2&prefix=J");
    expect(signed.stringToSign.split("\n")[3]).toBe("df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7");
    expect(signed.signature).toBe("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  });
});

describe("helpers", () => {
  it("formats x-amz-date", () => {
    expect(toAmzDate(new Date("2013-05-24T00:00:00.000Z"))).toBe("20130524T000000Z");
    expect(toAmzDate(new Date("2025-12-31T23:59:59.999Z"))).toBe("20251231T235959Z");
  });

  it("encodes key paths segment by segment", () => {
    expect(encodeKeyPath("scans/2025/03/a_b-c.d~e")).toBe("scans/2025/03/a_b-c.d~e");
    expect(encodeKeyPath("a b/ü*'()!")).toBe("a%20b/%C3%BC%2A%27%28%29%21");
  });
});
