-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "locale" "Locale";
