// The s3rver process that tests/setup/s3rver.ts starts (run with --openssl-legacy-provider:
// s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps only there).
// Arguments: <directory> <bucket> <port>. Prints one JSON line per event on stdout:
// {"listening":port}, {"request":{method,url,headers}} for each request as it arrives, and
// {"synced":true} for each "sync" line on stdin (so the parent knows it has read every request
// line before it). "fail <status> <count>" on stdin makes the next <count> requests fail with
// that status before s3rver sees them (a service having a bad moment), body read and dropped.
import http from "node:http";
import readline from "node:readline";
import S3rver from "s3rver";

const [directory, bucket, port] = process.argv.slice(2);
const s3 = new S3rver({ silent: true, directory, vhostBuckets: false, configureBuckets: [{ name: bucket }] });
await s3.configureBuckets();
const handle = s3.callback();
const say = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

let failing = { status: 0, count: 0 };

const server = http.createServer((request, response) => {
  say({ request: { method: request.method, url: request.url, headers: request.headers } });
  if (failing.count > 0) {
    failing.count--;
    request.resume();
    request.on("end", () => {
      response.writeHead(failing.status, { "content-type": "application/xml" });
      response.end(request.method === "HEAD" ? undefined : "<?xml version=\"1.0\"?><Error><Code>SlowDown</Code><Message>try again</Message></Error>");
    });
    return;
  }
  handle(request, response);
});
server.listen(Number(port), "127.0.0.1", () => say({ listening: server.address().port }));

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "sync") say({ synced: true });
  const fail = /^fail (\d{3}) (\d+)$/.exec(line);
  if (fail) failing = { status: Number(fail[1]), count: Number(fail[2]) };
});
// The parent's end of stdin closing means the parent is gone: stop with it.
process.stdin.on("end", () => process.exit(0));
