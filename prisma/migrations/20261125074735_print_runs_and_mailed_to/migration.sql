-- CreateEnum
CREATE TYPE "PrintRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "mailedTo" JSONB;

-- CreateTable
CREATE TABLE "PrintRun" (
    "id" TEXT NOT NULL,
    "packId" TEXT NOT NULL,
    "status" "PrintRunStatus" NOT NULL DEFAULT 'QUEUED',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "fileId" TEXT,
    "summary" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PrintRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PrintRun_packId_createdAt_idx" ON "PrintRun"("packId", "createdAt");

-- AddForeignKey
ALTER TABLE "PrintRun" ADD CONSTRAINT "PrintRun_packId_fkey" FOREIGN KEY ("packId") REFERENCES "Pack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrintRun" ADD CONSTRAINT "PrintRun_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
