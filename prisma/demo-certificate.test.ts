// The demo certificate, seeded the way the first start does it, checks out at /verify.
import { describe, expect, it } from "vitest";
import { parseCertificateCode } from "@/lib/certificates/code";
import { verifyCertificate } from "@/lib/certificates/verify";
import { db } from "@/lib/db";
import { DEMO_CERTIFICATE_CODE } from "@/prisma/demo-certificate";
import { seedDemo } from "@/prisma/seed";

describe("demo certificate", () => {
  it("is valid, and its code passes its own check", async () => {
    await seedDemo(db);
    expect(parseCertificateCode("rvrs-dem2-q26h")).toBe(DEMO_CERTIFICATE_CODE);
    expect(await verifyCertificate(DEMO_CERTIFICATE_CODE)).toMatchObject({ found: true, printedName: "Samuel A. Okafor", organizationName: "Riverside Study Network", revokedOn: null });
  });
});
