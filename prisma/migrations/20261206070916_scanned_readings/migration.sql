-- CreateTable
CREATE TABLE "ScannedReadingChoice" (
    "id" TEXT NOT NULL,
    "packId" TEXT NOT NULL,
    "readingId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "send" BOOLEAN NOT NULL,
    "chosenById" TEXT,
    "chosenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScannedReadingChoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScannedReadingChoice_packId_readingId_facilityId_key" ON "ScannedReadingChoice"("packId", "readingId", "facilityId");

-- AddForeignKey
ALTER TABLE "ScannedReadingChoice" ADD CONSTRAINT "ScannedReadingChoice_packId_fkey" FOREIGN KEY ("packId") REFERENCES "Pack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScannedReadingChoice" ADD CONSTRAINT "ScannedReadingChoice_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScannedReadingChoice" ADD CONSTRAINT "ScannedReadingChoice_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE CASCADE ON UPDATE CASCADE;
