import { COMMON_PASSWORDS, COMMON_WORDS } from './common-passwords.js';

/**
 * NIST SP 800-63B §5.1.1.2 (memorized secrets): at least 12 characters here (the issue sets a
 * stricter floor than NIST's 8), up to 128, every printable character and space allowed, no
 * composition rules, and the secret compared against a list of commonly used, expected or
 * compromised values and context-specific words (the service name, the user's e-mail).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'sequential' | 'contains_context';

export interface PasswordContext {
  email?: string;
  name?: string;
  organisationName?: string;
}

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
];

/** Strip what people add to a weak word to pass a length check: digits, symbols, spaces. */
function core(password: string): string {
  return password.toLowerCase().replace(/[^a-z]/g, '');
}

function isRepetitive(pw: string): boolean {
  // "aaaaaaaaaaaa", "abcabcabcabc", "121212121212": a short unit repeated to fill the length.
  for (let unit = 1; unit <= 4; unit++) {
    const head = pw.slice(0, unit);
    if (head.repeat(Math.ceil(pw.length / unit)).slice(0, pw.length) === pw) return true;
  }
  return false;
}

function isSequential(pw: string): boolean {
  const lower = pw.toLowerCase();
  for (const seq of SEQUENCES) {
    const doubled = seq + seq;
    const reversed = [...doubled].reverse().join('');
    if (doubled.includes(lower) || reversed.includes(lower)) return true;
  }
  return false;
}

function contextWords(ctx: PasswordContext): string[] {
  const words = ['cityshield'];
  const local = ctx.email?.split('@')[0];
  if (local) words.push(...local.toLowerCase().split(/[^a-z0-9]+/));
  if (ctx.name) words.push(...ctx.name.toLowerCase().split(/\s+/));
  if (ctx.organisationName) words.push(...ctx.organisationName.toLowerCase().split(/\s+/));
  return words.filter((w) => w.length >= 4);
}

export function checkPassword(password: string, ctx: PasswordContext = {}): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return ['too_short'];
  if (length > PASSWORD_MAX_LENGTH) return ['too_long'];
  const problems: PasswordProblem[] = [];
  const lower = password.toLowerCase();
  const stripped = core(password);
  if (
    COMMON_PASSWORDS.has(lower) ||
    COMMON_PASSWORDS.has(stripped) ||
    (stripped.length < 6 && /\d{4,}/.test(password)) ||
    COMMON_WORDS.has(stripped) ||
    [...COMMON_WORDS].some((w) => stripped === w + w || stripped === `${w}${w}${w}`)
  ) {
    problems.push('common');
  }
  if (isRepetitive(lower)) problems.push('repetitive');
  if (isSequential(lower)) problems.push('sequential');
  const compact = lower.replace(/[^a-z0-9]/g, '');
  if (contextWords(ctx).some((w) => compact === w || stripped === w.replace(/[^a-z]/g, ''))) {
    problems.push('contains_context');
  }
  return problems;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good password.`,
  too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: 'This password is on a list of commonly used passwords. Choose another.',
  repetitive: 'This password repeats the same characters. Choose another.',
  sequential: 'This password is a keyboard or alphabet sequence. Choose another.',
  contains_context: 'This password is made from your name, e-mail or the service name. Choose another.',
};
