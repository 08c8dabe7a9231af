// PostgreSQL text cannot hold the NUL character, and it never means anything in a letter or an
// answer: it is removed rather than refused, so pasted text from odd sources still saves.
export const stripNul = (value: string) => value.replace(/\u0000/g, "");
