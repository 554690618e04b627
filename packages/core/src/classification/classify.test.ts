import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import { BSI_200_2, ISKE } from './methods/index.js';
import { scoreQuestionnaire } from './questionnaire.js';
import { ISKE_QUESTIONS } from './questions/sets.js';

const answers = {
  'outage-day': 'inconvenient',
  'wrong-data-decisions': 'rights-or-money',
  'personal-data': ['contact'],
};

describe('classification with overrides', () => {
  it('maps the questionnaire to levels, security level, notation and explanation', () => {
    const result = classify(ISKE, scoreQuestionnaire(ISKE, ISKE_QUESTIONS, answers));
    expect(result).toMatchObject({ methodKey: 'iske', securityLevel: 'M', notation: 'K1T2S1' });
    expect(result.explanation.map((e) => [e.dimension, e.level, e.source])).toEqual([
      ['availability', '1', 'questionnaire'],
      ['integrity', '2', 'questionnaire'],
      ['confidentiality', '1', 'questionnaire'],
    ]);
    expect(result.explanation[1]?.reasons[0]?.questionId).toBe('wrong-data-decisions');
  });

  it('applies an override with a written reason and keeps what the questionnaire said', () => {
    const scored = scoreQuestionnaire(ISKE, ISKE_QUESTIONS, answers);
    const result = classify(ISKE, scored, { availability: { level: '3', reason: '  Winter-time heating control depends on it.  ' } });
    expect(result.notation).toBe('K3T2S1');
    expect(result.securityLevel).toBe('H');
    expect(result.explanation[0]).toMatchObject({
      source: 'override',
      level: '3',
      levelName: 'K3',
      override: { from: '1', to: '3', reason: 'Winter-time heating control depends on it.' },
    });
    expect(result.explanation[0]?.reasons.length).toBeGreaterThan(0);
  });

  it('refuses an override without a reason, naming the dimension', () => {
    const scored = scoreQuestionnaire(ISKE, ISKE_QUESTIONS, answers);
    expect(() => classify(ISKE, scored, { confidentiality: { level: '0', reason: '   ' } })).toThrow(
      expect.objectContaining({ code: 'override-without-reason', details: ['the override of Confidentiality needs a written reason'] }),
    );
  });

  it('refuses overrides to unknown dimensions or levels, and results of another method', () => {
    expect(() => classify(ISKE, undefined, { privacy: { level: '1', reason: 'x' } })).toThrow(
      expect.objectContaining({ code: 'unknown-dimension' }),
    );
    expect(() => classify(ISKE, undefined, { integrity: { level: 'high', reason: 'x' } })).toThrow(
      expect.objectContaining({ code: 'unknown-level' }),
    );
    const scored = scoreQuestionnaire(ISKE, ISKE_QUESTIONS, answers);
    expect(() => classify(BSI_200_2, scored)).toThrow(expect.objectContaining({ code: 'method-mismatch' }));
  });

  it('leaves the security level undefined while a dimension is unset; overrides can complete it', () => {
    const partial = classify(ISKE, { levels: { availability: '2', integrity: '1' } });
    expect(partial.securityLevel).toBeUndefined();
    expect(partial.notation).toBe('K2T1S?');
    expect(partial.explanation[2]?.source).toBe('unset');
    const completed = classify(
      ISKE,
      { levels: { availability: '2', integrity: '1' } },
      { confidentiality: { level: '0', reason: 'Only open data.' } },
    );
    expect(completed.securityLevel).toBe('M');
    expect(classify(ISKE, undefined).securityLevel).toBeUndefined();
  });
});
