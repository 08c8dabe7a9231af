// AWS Signature Version 4 for requests to S3-compatible storage, with node:crypto only, so the
// app needs no AWS SDK (tens of packages) to PUT, GET, HEAD and DELETE one object at a time.
// Tested against AWS's published examples (lib/storage/sigv4.test.ts); every step is returned,
// not only the signature, so a mismatch can be found step by step.
//
// Scope: header-based signing with a whole-payload hash, the S3 way (each path segment encoded
// once, paths not normalised). Not presigned URLs, not chunked (aws-chunked) uploads.
import { createHash, createHmac } from "node:crypto";

export const EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export type Credentials = { accessKeyId: string; secretAccessKey: string };

export type SigningInput = {
  method: string;
  /** The URL as it will be sent; its path must already be encoded (see encodeKeyPath). */
  url: URL;
  /** Every header to sign, host and x-amz-date included. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (EMPTY_PAYLOAD_SHA256 when there is none). */
  payloadHash: string;
  /** The x-amz-date value, e.g. 20130524T000000Z. */
  amzDate: string;
  region: string;
  service: string;
  credentials: Credentials;
};

export type Signature = {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
};

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - . _ ~ is %XX (upper case). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An object key as a URL path: each segment encoded, the slashes kept. */
export function encodeKeyPath(key: string): string {
  return key.split("/").map(encodeRfc3986).join("/");
}

/** 2013-05-24T00:00:00.000Z → 20130524T000000Z */
export function toAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

export function sign(input: SigningInput): Signature {
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, " ")] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(";");
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.url.pathname || "/",
    canonicalQuery(input.url),
    headers.map(([name, value]) => `${name}:${value}\n`).join(""),
    signedHeaders,
    input.payloadHash,
  ].join("\n");

  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");

  const dateKey = hmac(`AWS4${input.credentials.secretAccessKey}`, day);
  const signingKey = hmac(hmac(hmac(dateKey, input.region), input.service), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");

  const authorization = `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}
