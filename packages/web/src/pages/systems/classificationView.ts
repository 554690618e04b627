import type { ClassificationMethod, MethodInfo, Question } from '../../api/classification';
import { api } from '../../api/client';
import type { Tone } from '../../components/Badge';
import { useApi } from '../../hooks/useApi';
import { systemPath } from './vocab';

export const classifyPath = (id: string) => `${systemPath(id)}/classify`;
export const DUE_PATH = '/classification/due';

/** The organisation's method with its questionnaire (GET /classification/method). */
export function useMethod() {
  return useApi((signal) => api.get<MethodInfo>('/classification/method', undefined, { signal }), 'classification-method');
}

/** A dimension's level name ("K2", "High"); an unknown key is shown as it is. */
export function levelName(method: ClassificationMethod, dimension: string, level: string | null | undefined): string | undefined {
  if (level === undefined || level === null) return undefined;
  const d = method.dimensions.find((x) => x.key === dimension);
  return d?.levels.find((l) => l.key === level)?.name ?? level;
}

export function dimensionName(method: ClassificationMethod, dimension: string): string {
  return method.dimensions.find((d) => d.key === dimension)?.name ?? dimension;
}

export function securityLevelName(method: ClassificationMethod | undefined, key: string | null | undefined): string | undefined {
  if (key === undefined || key === null) return undefined;
  return method?.securityLevels.find((l) => l.key === key)?.name ?? key;
}

/** Higher levels in warmer tones: the top of the scale is danger, the upper half warning. */
function toneOf(rank: number, max: number): Tone {
  if (max <= 0) return 'neutral';
  if (rank >= max) return 'danger';
  if (rank * 2 >= max) return 'warning';
  return 'info';
}

export function securityTone(method: ClassificationMethod | undefined, key: string | null | undefined): Tone {
  const levels = method?.securityLevels ?? [];
  const level = levels.find((l) => l.key === key);
  if (!level) return 'neutral';
  return toneOf(level.rank, Math.max(...levels.map((l) => l.rank)));
}

export function levelTone(method: ClassificationMethod, dimension: string, level: string | null | undefined): Tone {
  const d = method.dimensions.find((x) => x.key === dimension);
  const found = d?.levels.find((l) => l.key === level);
  if (!d || !found) return 'neutral';
  return toneOf(found.rank, Math.max(...d.levels.map((l) => l.rank)));
}

export interface QuestionGroup {
  dimension: string;
  name: string;
  description: string | undefined;
  questions: Question[];
}

/**
 * Questions grouped by the dimension they are mainly about, groups in the order their first
 * question comes and questions in the order the method gives them.
 */
export function groupQuestions(method: ClassificationMethod, questions: Question[]): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const q of questions) {
    let group = groups.get(q.dimension);
    if (!group) {
      const d = method.dimensions.find((x) => x.key === q.dimension);
      group = { dimension: q.dimension, name: d?.name ?? q.dimension, description: d?.description, questions: [] };
      groups.set(q.dimension, group);
    }
    group.questions.push(q);
  }
  return [...groups.values()];
}

/** Today as a UTC calendar date, the way the server writes review dates. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export type ReviewState = 'overdue' | 'due-soon' | 'current';

/** Overdue once the date has passed; due soon within `soonDays` days before it (as the worklist counts). */
export function reviewState(reviewDue: string, today = todayUtc(), soonDays = 30): ReviewState {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  const left = day(reviewDue) - day(today);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due-soon' : 'current';
}

/** A `YYYY-MM-DD` calendar date in the user's language; never shifted by the time zone. */
export function formatDay(locale: string, date: string | null | undefined): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
