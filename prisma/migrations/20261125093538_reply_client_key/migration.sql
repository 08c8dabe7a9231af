-- AlterTable
ALTER TABLE "Reply" ADD COLUMN     "clientKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Reply_clientKey_key" ON "Reply"("clientKey");
