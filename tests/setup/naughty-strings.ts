// The Big List of Naughty Strings (a copy of ../shared/fixtures, MIT, so a clone elsewhere
// has it too), fed through every text field.
import { readFileSync } from "node:fs";
import path from "node:path";

export const naughtyStrings: string[] = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../fixtures/naughty-strings.json"), "utf8"),
);
