-- CreateEnum
CREATE TYPE "CompletionRule" AS ENUM ('STATUS_COMPLETED', 'ALL_PACKS_ANSWERED');

-- CreateEnum
CREATE TYPE "CertificateDelivery" AS ENUM ('UNDECIDED', 'NEXT_PACK', 'MAILED_ALONE');

-- CreateTable
CREATE TABLE "GroupCertificateSettings" (
    "groupId" TEXT NOT NULL,
    "completionRule" "CompletionRule" NOT NULL DEFAULT 'STATUS_COMPLETED',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupCertificateSettings_pkey" PRIMARY KEY ("groupId")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "printedName" TEXT NOT NULL,
    "courseTitle" TEXT NOT NULL,
    "organizationName" TEXT NOT NULL,
    "packsCompleted" INTEGER NOT NULL,
    "hours" INTEGER,
    "startedOn" DATE NOT NULL,
    "completedOn" DATE NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'EN',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokedReason" TEXT,
    "delivery" "CertificateDelivery" NOT NULL DEFAULT 'UNDECIDED',
    "deliveryChosenAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "sentWithPackId" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateLookup" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateLookup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_groupId_issuedAt_idx" ON "Certificate"("groupId", "issuedAt");

-- CreateIndex
CREATE INDEX "Certificate_memberId_idx" ON "Certificate"("memberId");

-- CreateIndex
CREATE INDEX "Certificate_organizationId_idx" ON "Certificate"("organizationId");

-- CreateIndex
CREATE INDEX "CertificateLookup_source_createdAt_idx" ON "CertificateLookup"("source", "createdAt");

-- CreateIndex
CREATE INDEX "CertificateLookup_createdAt_idx" ON "CertificateLookup"("createdAt");

-- AddForeignKey
ALTER TABLE "GroupCertificateSettings" ADD CONSTRAINT "GroupCertificateSettings_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
