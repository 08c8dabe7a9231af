-- CreateEnum
CREATE TYPE "PrintRunFileRemoval" AS ENUM ('ERASURE', 'RETENTION');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "printRunRetentionDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "scanRetentionDays" INTEGER DEFAULT 365;

-- AlterTable
ALTER TABLE "PrintRun" ADD COLUMN     "fileRemovedAt" TIMESTAMP(3),
ADD COLUMN     "fileRemovedReason" "PrintRunFileRemoval";
