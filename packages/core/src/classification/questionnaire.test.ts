import { describe, expect, it } from 'vitest';
import { BSI_200_2, BUILT_IN_METHODS, FIPS_199, ISKE, KLASSA } from './methods/index.js';
import { type Answers, type Question, scoreQuestionnaire, validateQuestions } from './questionnaire.js';
import { BSI_200_2_QUESTIONS, builtInQuestions, FIPS_199_QUESTIONS, ISKE_QUESTIONS, KLASSA_QUESTIONS } from './questions/sets.js';

/** A city's social-benefits case system: health data, decisions about money, a day's outage stops the service. */
const benefitsSystem: Answers = {
  'outage-day': 'service-stops',
  'tolerable-downtime': 'days',
  'physical-equipment': 'no',
  'wrong-data-decisions': 'rights-or-money',
  'official-record': 'internal',
  'personal-data': ['personal', 'health-special'],
  'other-information': 'internal',
  'who-did-what': 'required',
};

describe('built-in question sets', () => {
  it('fit their methods and rate every dimension', () => {
    for (const method of BUILT_IN_METHODS) {
      const questions = builtInQuestions(method.key);
      expect(questions, method.key).toBeDefined();
      expect(validateQuestions(method, questions ?? [])).toEqual([]);
    }
  });

  it('fold traceability into integrity for three-dimension methods, keep it separate in KLASSA', () => {
    expect(ISKE_QUESTIONS.find((q) => q.id === 'who-did-what')?.dimension).toBe('integrity');
    expect(KLASSA_QUESTIONS.find((q) => q.id === 'who-did-what')?.dimension).toBe('traceability');
    const legal = (qs: readonly Question[]) => qs.find((q) => q.id === 'official-record')?.options.find((o) => o.id === 'legal')?.implies;
    expect(legal(BSI_200_2_QUESTIONS)).toEqual([{ dimension: 'integrity', level: 'high' }]);
    expect(legal(KLASSA_QUESTIONS)).toEqual([
      { dimension: 'integrity', level: 'significant' },
      { dimension: 'traceability', level: 'significant' },
    ]);
  });
});

describe('scoring', () => {
  it('takes the highest implied level per dimension and explains it (ISKE)', () => {
    const result = scoreQuestionnaire(ISKE, ISKE_QUESTIONS, benefitsSystem);
    expect(result.levels).toEqual({ availability: '2', integrity: '2', confidentiality: '3' });
    expect(result.complete).toBe(true);
    expect(result.unanswered).toEqual([]);
    const confidentiality = result.reasons.confidentiality ?? [];
    expect(confidentiality.map((r) => [r.optionId, r.level, r.decisive])).toEqual([
      ['health-special', '3', true],
      ['personal', '2', false],
      ['internal', '1', false],
    ]);
    expect(confidentiality[0]?.reason).toMatch(/special-category/);
    expect(confidentiality[0]?.question).toBe('Which information about people does it hold?');
    // Availability: "service stops" (2) outweighs "a few days" (1).
    expect(result.reasons.availability?.filter((r) => r.decisive).map((r) => r.questionId)).toEqual(['outage-day']);
    // Integrity: two answers give 2 — both are decisive, in question order.
    expect(result.reasons.integrity?.filter((r) => r.decisive).map((r) => r.questionId)).toEqual(['wrong-data-decisions', 'who-did-what']);
  });

  it('gives the same answers the matching levels in the other methods', () => {
    expect(scoreQuestionnaire(BSI_200_2, BSI_200_2_QUESTIONS, benefitsSystem).levels).toEqual({
      confidentiality: 'very-high',
      integrity: 'high',
      availability: 'high',
    });
    expect(scoreQuestionnaire(FIPS_199, FIPS_199_QUESTIONS, benefitsSystem).levels).toEqual({
      confidentiality: 'high',
      integrity: 'moderate',
      availability: 'moderate',
    });
    expect(scoreQuestionnaire(KLASSA, KLASSA_QUESTIONS, benefitsSystem).levels).toEqual({
      confidentiality: 'serious',
      integrity: 'significant',
      availability: 'significant',
      traceability: 'significant',
    });
  });

  it('rates a traffic-signal controller high for availability and integrity', () => {
    const result = scoreQuestionnaire(ISKE, ISKE_QUESTIONS, { 'physical-equipment': 'controls', 'personal-data': ['none'] });
    expect(result.levels).toEqual({ availability: '3', integrity: '3', confidentiality: '0' });
    expect(result.reasons.availability?.[0]?.reason).toMatch(/physical danger/);
  });

  it('reports unanswered questions and leaves dimensions without answers unset', () => {
    const result = scoreQuestionnaire(ISKE, ISKE_QUESTIONS, { 'outage-day': 'inconvenient', 'personal-data': [] });
    expect(result.levels).toEqual({ availability: '1', integrity: undefined, confidentiality: undefined });
    expect(result.complete).toBe(false);
    expect(result.unanswered).toEqual([
      'tolerable-downtime',
      'physical-equipment',
      'wrong-data-decisions',
      'official-record',
      'personal-data',
      'other-information',
      'who-did-what',
    ]);
    expect(result.reasons.integrity).toEqual([]);
  });

  it('refuses unknown questions, unknown options and several answers to a single-choice question', () => {
    const attempt = (answers: Answers) => () => scoreQuestionnaire(ISKE, ISKE_QUESTIONS, answers);
    expect(attempt({ 'outage-day': 'maybe' })).toThrow(
      expect.objectContaining({ code: 'unknown-answer', details: ['question "outage-day" has no answer "maybe"'] }),
    );
    expect(attempt({ 'favourite-colour': 'blue', 'personal-data': ['contact', 'dna'] })).toThrow(
      expect.objectContaining({
        code: 'unknown-answer',
        details: ['unknown question "favourite-colour"', 'question "personal-data" has no answer "dna"'],
      }),
    );
    expect(attempt({ 'outage-day': ['inconvenient', 'service-stops'] })).toThrow(/takes one answer/);
  });

  it('refuses a question set that does not fit the method', () => {
    expect(() => scoreQuestionnaire(BSI_200_2, ISKE_QUESTIONS, { 'outage-day': 'inconvenient' })).toThrow(
      expect.objectContaining({ code: 'invalid-questions' }),
    );
    const issues = validateQuestions(BSI_200_2, [
      {
        id: 'q',
        text: 'Anything?',
        dimension: 'privacy',
        options: [{ id: 'yes', label: 'Yes', reason: '', implies: [{ dimension: 'integrity', level: 'extreme' }] }],
      },
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'unknown dimension "privacy"',
      'an answer that implies a level needs a reason',
      'dimension "integrity" has no level "extreme"',
      'no answer rates dimension "confidentiality"',
      'no answer rates dimension "integrity"',
      'no answer rates dimension "availability"',
    ]);
  });
});
