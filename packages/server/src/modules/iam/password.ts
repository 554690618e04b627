import { checkPassword, PASSWORD_PROBLEM_MESSAGES, type PasswordContext } from '@cityshield/core';
import argon2 from 'argon2';
import { AppError } from '../../errors.js';

// OWASP's argon2id recommendation (19 MiB, t=2, p=1) raised to 64 MiB / t=3 for a server that
// logs in people, not thousands of machines per second.
const OPTIONS = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export function assertAcceptablePassword(password: string, ctx: PasswordContext, field = 'password'): void {
  const problems = checkPassword(password, ctx);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      'The password does not meet the password rules.',
      problems.map((p) => ({ path: field, message: PASSWORD_PROBLEM_MESSAGES[p] })),
    );
  }
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not tell an attacker which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('cityshield-timing-equaliser');
  return dummyHash.then((h) => verifyPassword(h, password));
}
