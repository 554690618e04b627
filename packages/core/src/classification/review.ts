import { ClassificationError } from './errors.js';
import type { ClassificationMethod } from './method.js';

/**
 * When a classification is due for review. Dates are calendar dates (`YYYY-MM-DD`) in UTC: a due
 * date must not move with the server's time zone, and adding years or months keeps the day of the
 * month unless that month is shorter (2024-02-29 + 1 year → 2025-02-28, 2024-01-31 + 1 month →
 * 2024-02-29) rather than spilling into the next month as Date arithmetic does.
 */

export interface ReviewInterval {
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
}

/** Security level key → interval until the next reclassification. */
export type ReviewIntervals = Readonly<Record<string, ReviewInterval>>;

/**
 * Defaults: the highest security level yearly, the next one every 2 years, all lower ones every
 * 3 years (ISKE H 1, M 2, L 3; BSI very high 1, high 2, normal 3). An organisation may set its own.
 */
export function defaultReviewIntervals(method: ClassificationMethod): ReviewIntervals {
  const byRankDesc = [...method.securityLevels].sort((a, b) => b.rank - a.rank);
  const out: Record<string, ReviewInterval> = {};
  byRankDesc.forEach((level, i) => {
    out[level.key] = { years: i === 0 ? 1 : i === 1 ? 2 : 3 };
  });
  return out;
}

/** ISKE's independent audit cycle (H every 2 years, M 3, L 4) for audit planning. */
export const ISKE_AUDIT_INTERVALS: ReviewIntervals = { H: { years: 2 }, M: { years: 3 }, L: { years: 4 } };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Accepts `YYYY-MM-DD`, a full ISO timestamp (its UTC date is used) or a Date. */
export function toCalendarDate(value: string | Date): CalendarDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ClassificationError('invalid-date', 'Invalid date.');
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  const m = DATE.exec(value);
  if (!m) {
    const parsed = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
    if (parsed && !Number.isNaN(parsed.getTime())) return toCalendarDate(parsed);
    throw new ClassificationError('invalid-date', `"${value}" is not a date (YYYY-MM-DD).`);
  }
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    throw new ClassificationError('invalid-date', `"${value}" is not a calendar date.`);
  }
  return date;
}

function format(d: CalendarDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Adds whole years and months (clamping the day to the month's length), then days. */
export function addInterval(date: string | Date, interval: ReviewInterval): string {
  const { years = 0, months = 0, days = 0 } = interval;
  for (const [name, n] of [
    ['years', years],
    ['months', months],
    ['days', days],
  ] as const) {
    if (!Number.isInteger(n) || n < 0)
      throw new ClassificationError('invalid-date', `Interval ${name} must be a whole number ≥ 0, got ${n}.`);
  }
  const start = toCalendarDate(date);
  const monthIndex = start.year * 12 + (start.month - 1) + years * 12 + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(start.day, daysInMonth(year, month));
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** Next reclassification date after a classification on `classifiedOn` at `securityLevel`. */
export function nextReviewDate(classifiedOn: string | Date, securityLevel: string, intervals: ReviewIntervals): string {
  const interval = intervals[securityLevel];
  if (!interval) throw new ClassificationError('unknown-security-level', `No review interval for security level "${securityLevel}".`);
  return addInterval(classifiedOn, interval);
}

export type ReviewStatus = 'current' | 'due-soon' | 'overdue';

/** Overdue once the due date has passed; due soon within `dueSoonDays` days before it (default 30). */
export function reviewStatus(dueOn: string | Date, today: string | Date, dueSoonDays = 30): ReviewStatus {
  const dayNumber = (d: string | Date) => {
    const c = toCalendarDate(d);
    return Date.UTC(c.year, c.month - 1, c.day) / 86_400_000;
  };
  const left = dayNumber(dueOn) - dayNumber(today);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due-soon' : 'current';
}
