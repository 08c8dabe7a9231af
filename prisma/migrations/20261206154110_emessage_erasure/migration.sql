-- AlterTable
ALTER TABLE "EmessagePart" ADD COLUMN     "removedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "EmessageReply" ADD COLUMN     "removedAt" TIMESTAMP(3);
