-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "pdfHasText" BOOLEAN;
