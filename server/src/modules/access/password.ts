import { hash, verify } from '@node-rs/argon2';
import { zxcvbnAsync, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../../shared/app-error.ts';

zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

const commonPasswords = new Set<string>(
  (common.dictionary.passwords as string[]).map((p) => p.toLowerCase()),
);

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (plain: string) => hash(plain, ARGON);

export async function verifyPassword(stored: string | null, plain: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/** A hash to compare against when the user does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword('not a real password, only for timing');
  return dummyHash;
};

/** At least 12 characters, not a known common password, and not easy to guess. */
export async function checkPasswordStrength(plain: string, userInputs: string[] = []): Promise<void> {
  const fail = (message: string) => {
    throw new AppError('VALIDATION_FAILED', message, { fields: [{ field: 'password', message }] });
  };
  if (plain.length < 12) fail('the password must have at least 12 characters');
  if (plain.length > 200) fail('the password must have at most 200 characters');
  const lowered = plain.toLowerCase();
  if (commonPasswords.has(lowered) || commonPasswords.has(lowered.replace(/\d+$/, ''))) {
    fail('this password is on a list of common passwords');
  }
  const result = await zxcvbnAsync(plain, userInputs);
  if (result.score < 3) fail('this password is too easy to guess; use a few unrelated words');
}
