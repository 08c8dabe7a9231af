-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "locale" "Locale";

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "locale" DROP NOT NULL,
ALTER COLUMN "locale" DROP DEFAULT;

-- Nobody could choose a language before this migration: the stored EN was the column's default,
-- not a choice. Cleared, so the browser's language decides until a person picks one.
UPDATE "User" SET "locale" = NULL;
