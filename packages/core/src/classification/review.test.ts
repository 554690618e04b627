import { describe, expect, it } from 'vitest';
import { BSI_200_2, ISKE, KLASSA } from './methods/index.js';
import { addInterval, defaultReviewIntervals, ISKE_AUDIT_INTERVALS, nextReviewDate, reviewStatus } from './review.js';

describe('reclassification due dates', () => {
  const iske = defaultReviewIntervals(ISKE);

  it('defaults to 1 year for the highest level, 2 for the next, 3 below', () => {
    expect(iske).toEqual({ H: { years: 1 }, M: { years: 2 }, L: { years: 3 } });
    expect(defaultReviewIntervals(BSI_200_2)).toEqual({ 'very-high': { years: 1 }, high: { years: 2 }, normal: { years: 3 } });
    expect(defaultReviewIntervals(KLASSA)).toMatchObject({
      'extremely-serious': { years: 1 },
      serious: { years: 2 },
      negligible: { years: 3 },
    });
  });

  it('adds the interval for the security level', () => {
    expect(nextReviewDate('2024-05-17', 'H', iske)).toBe('2025-05-17');
    expect(nextReviewDate('2024-05-17', 'M', iske)).toBe('2026-05-17');
    expect(nextReviewDate('2024-05-17', 'L', iske)).toBe('2027-05-17');
    expect(nextReviewDate('2024-05-17', 'H', ISKE_AUDIT_INTERVALS)).toBe('2026-05-17');
    expect(() => nextReviewDate('2024-05-17', 'X', iske)).toThrow(expect.objectContaining({ code: 'unknown-security-level' }));
  });

  it('does not shift on leap days and month ends', () => {
    expect(nextReviewDate('2024-02-29', 'H', iske)).toBe('2025-02-28');
    expect(addInterval('2024-02-29', { years: 4 })).toBe('2028-02-29');
    expect(addInterval('2024-01-31', { months: 1 })).toBe('2024-02-29');
    expect(addInterval('2023-01-31', { months: 1 })).toBe('2023-02-28');
    expect(addInterval('2024-08-31', { months: 1 })).toBe('2024-09-30');
    expect(addInterval('2024-12-31', { months: 2 })).toBe('2025-02-28');
    expect(addInterval('2024-11-30', { years: 1, months: 3 })).toBe('2026-02-28');
    expect(addInterval('2024-12-31', { days: 1 })).toBe('2025-01-01');
    expect(addInterval('2024-02-28', { days: 1 })).toBe('2024-02-29');
  });

  it('uses the UTC calendar date of timestamps', () => {
    expect(nextReviewDate('2024-03-31T23:30:00+02:00', 'H', iske)).toBe('2025-03-31');
    expect(nextReviewDate(new Date(Date.UTC(2024, 1, 29, 23, 59)), 'M', iske)).toBe('2026-02-28');
  });

  it('refuses dates that do not exist and negative intervals', () => {
    expect(() => nextReviewDate('2023-02-29', 'H', iske)).toThrow(expect.objectContaining({ code: 'invalid-date' }));
    expect(() => nextReviewDate('29.02.2024', 'H', iske)).toThrow(/is not a date/);
    expect(() => addInterval('2024-01-01', { months: -1 })).toThrow(/whole number/);
    expect(() => addInterval(new Date(Number.NaN), { years: 1 })).toThrow(/Invalid date/);
  });

  it('tells current, due soon and overdue apart', () => {
    expect(reviewStatus('2025-02-28', '2025-01-01')).toBe('current');
    expect(reviewStatus('2025-02-28', '2025-01-29')).toBe('due-soon');
    expect(reviewStatus('2025-02-28', '2025-02-28')).toBe('due-soon');
    expect(reviewStatus('2025-02-28', '2025-03-01')).toBe('overdue');
    expect(reviewStatus('2025-02-28', '2025-02-20', 7)).toBe('current');
  });
});
