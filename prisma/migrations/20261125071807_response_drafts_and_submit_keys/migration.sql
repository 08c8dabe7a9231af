-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "clientKey" TEXT;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "draftBody" TEXT,
ADD COLUMN     "lastSubmitKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_clientKey_key" ON "Feedback"("clientKey");
