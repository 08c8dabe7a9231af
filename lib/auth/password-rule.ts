// The rule for a password someone sets (an invitation's new account, a password change): 10 to
// 200 characters (lib/validations/auth.ts, checked in the form too), and hard to guess by
// zxcvbn's estimate with its common-password and keyboard-pattern lists. The estimate runs on
// the server only: its dictionaries are about 1 MB and never reach the browser; a weak password
// comes back as a field error with a plain reason.
//
// The rule applies when a password is set, never when one is checked: older passwords (the
// demo accounts' "studypack-demo", anything set before this rule) keep signing in.
import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";

/**
 * zxcvbn's score from 0 to 4; 3 means "about 10^8 guesses or more", which our argon2id hash and
 * the sign-in throttle make a matter of years for an attacker even with a stolen hash.
 */
export const MIN_SCORE = 3;

/** zxcvbn's warnings (its own plain keys) that have a message of ours under "security.weak". */
export const REASONS = [
  "straightRow",
  "keyPattern",
  "simpleRepeat",
  "extendedRepeat",
  "sequences",
  "recentYears",
  "dates",
  "topTen",
  "topHundred",
  "common",
  "similarToCommon",
  "wordByItself",
  "namesByThemselves",
  "commonNames",
  "userInputs",
] as const;

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  // The dictionaries are ranked once per process (about 20 ms), on first use. The estimate
  // blocks the event loop, and its cost grows fast with length and look-alike characters: over
  // 200 characters it took up to 0.9 s here. It reads the first 64 characters with at most 10
  // look-alike substitutions (at most about 65 ms); a password whose first 64 characters are
  // hard to guess is hard to guess. The hash still takes every character.
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true, maxLength: 64, l33tMaxSubstitutions: 10 });
  return factory;
}

/**
 * Why `password` is too easy to guess, as a message key ("security.weak.common"), or null when
 * it is strong enough. `userInputs` are words of this person (their email, their name) that make
 * a password weaker when it contains them.
 */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  // "olivia.ortega@example.org" → itself, "olivia.ortega", "oliviaortega", "olivia", "ortega", …
  const words = userInputs.flatMap((input) => {
    const whole = input.toLowerCase().trim();
    const parts = whole.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    const local = whole.includes("@") ? whole.slice(0, whole.indexOf("@")) : whole;
    return [whole, local, local.replace(/[^\p{L}\p{N}]+/gu, ""), ...parts];
  });
  const result = estimator().check(password, [...new Set([...words, "studypack"])]);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning as (typeof REASONS)[number] | null;
  return warning && REASONS.includes(warning) ? `security.weak.${warning}` : "security.weak.guessable";
}

/**
 * A new password's hash, after the rule: throws AppError("INVALID") on `field` (the input path of
 * the form's password field, e.g. "values.newPassword") when the password is too easy to guess.
 */
export async function hashNewPassword(password: string, options: { field: string; userInputs?: string[] }): Promise<string> {
  const reason = weakPasswordReason(password, options.userInputs);
  if (reason) throw new AppError("INVALID", reason, { field: options.field });
  return hashPassword(password);
}
