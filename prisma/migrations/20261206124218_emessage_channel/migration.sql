-- CreateEnum
CREATE TYPE "EmessageService" AS ENUM ('CORRLINKS', 'JPAY', 'SECURUS', 'VIAPATH', 'OTHER');

-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'EMESSAGE';

-- AlterEnum
ALTER TYPE "ResponseSource" ADD VALUE 'EMESSAGE';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "emessageContact" TEXT,
ADD COLUMN     "emessageService" "EmessageService";

-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "emessageByMailOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "EmessageServiceLimit" (
    "organizationId" TEXT NOT NULL,
    "service" "EmessageService" NOT NULL,
    "charsPerMessage" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmessageServiceLimit_pkey" PRIMARY KEY ("organizationId","service")
);

-- CreateTable
CREATE TABLE "EmessagePart" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "sentById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmessagePart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmessageReply" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "outsideText" TEXT NOT NULL DEFAULT '',
    "enteredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmessageReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmessagePart_deliveryId_number_key" ON "EmessagePart"("deliveryId", "number");

-- CreateIndex
CREATE INDEX "EmessageReply_memberId_createdAt_idx" ON "EmessageReply"("memberId", "createdAt");

-- AddForeignKey
ALTER TABLE "EmessageServiceLimit" ADD CONSTRAINT "EmessageServiceLimit_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmessagePart" ADD CONSTRAINT "EmessagePart_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmessageReply" ADD CONSTRAINT "EmessageReply_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
