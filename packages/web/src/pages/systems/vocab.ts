import { HOSTING, LIFECYCLE, PERSONAL_DATA, SYSTEM_KINDS } from '../../api/register';
import type { Tone } from '../../components/Badge';
import type { Option } from '../../components/Field';
import { hasMessage, type Translate } from '../../i18n';

const enc = encodeURIComponent;

export const systemPath = (id: string) => `/systems/${enc(id)}`;
export const systemEditPath = (id: string) => `${systemPath(id)}/edit`;

/** The fixed vocabularies of the register, each with its catalogue prefix. */
export const VOCABULARIES = {
  systemKind: SYSTEM_KINDS,
  personalData: PERSONAL_DATA,
  hosting: HOSTING,
  lifecycle: LIFECYCLE,
} as const;
export type Vocabulary = keyof typeof VOCABULARIES;

/** Human label of a vocabulary value; an unknown value (a newer server) is shown as it is. */
export function vocabLabel(t: Translate, vocabulary: Vocabulary, value: string): string {
  const key = `${vocabulary}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export function vocabOptions(t: Translate, vocabulary: Vocabulary): Option[] {
  return VOCABULARIES[vocabulary].map((value) => ({ value, label: vocabLabel(t, vocabulary, value) }));
}

export const LIFECYCLE_TONE: Record<string, Tone> = {
  planned: 'info',
  development: 'info',
  production: 'success',
  retiring: 'warning',
  retired: 'neutral',
};

export const PERSONAL_DATA_TONE: Record<string, Tone> = {
  none: 'neutral',
  personal: 'info',
  'special-categories': 'danger',
  children: 'warning',
};

/** A one-off message handed to the next page in the router state (`{ notice }`), e.g. after deleting. */
export function noticeOf(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'notice' in state) {
    const notice = (state as { notice: unknown }).notice;
    if (typeof notice === 'string') return notice;
  }
  return '';
}
