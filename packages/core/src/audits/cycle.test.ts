import { describe, expect, it } from 'vitest';
import { addYears, defaultAuditCycle, nextAudit } from './cycle.js';

describe('audit cycles', () => {
  it('follows ISKE (H 2, M 3, L 4 years) and spreads other methods the same way', () => {
    expect(defaultAuditCycle('iske', ['L', 'M', 'H'])).toEqual({ L: 4, M: 3, H: 2 });
    expect(defaultAuditCycle('bsi-200-2', ['normal', 'high', 'very-high'])).toEqual({ normal: 4, high: 3, 'very-high': 2 });
    expect(defaultAuditCycle('own', ['a', 'b'])).toEqual({ a: 4, b: 2 });
  });

  it('adds calendar years, clamping 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-11-25', 3)).toBe('2029-11-25');
  });

  it('says when the next audit is due', () => {
    const today = '2026-11-25';
    expect(nextAudit({ securityLevel: null, lastAuditEnd: null, cycleYears: 2 }, today)).toEqual({ due: null, state: 'unclassified' });
    expect(nextAudit({ securityLevel: 'H', lastAuditEnd: null, cycleYears: 2 }, today)).toEqual({ due: today, state: 'never-audited' });
    expect(nextAudit({ securityLevel: 'H', lastAuditEnd: '2024-06-30', cycleYears: 2 }, today)).toEqual({
      due: '2026-06-30',
      state: 'overdue',
    });
    expect(nextAudit({ securityLevel: 'M', lastAuditEnd: '2024-01-31', cycleYears: 3 }, today)).toEqual({
      due: '2027-01-31',
      state: 'due-soon',
    });
    expect(nextAudit({ securityLevel: 'L', lastAuditEnd: '2025-01-31', cycleYears: 4 }, today)).toEqual({ due: '2029-01-31', state: 'ok' });
  });
});
