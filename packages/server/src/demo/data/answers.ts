/**
 * Questionnaire answers for the demo systems (question and option ids of the shared question
 * templates, core `classification/questions/templates.ts`; every built-in method uses them). The
 * comment after each profile is what ISKE makes of it: K availability, T integrity, S
 * confidentiality, and the security level.
 */
export type AnswerProfile = Record<string, string | string[]>;

export const ANSWERS = {
  /** Steers physical equipment whose failure endangers people: K3T3S3 → H. */
  'ot-critical': {
    'outage-day': 'safety-at-risk',
    'tolerable-downtime': 'hours',
    'physical-equipment': 'controls',
    'wrong-data-decisions': 'no',
    'official-record': 'no',
    'personal-data': ['none'],
    'other-information': 'critical',
    'who-did-what': 'useful',
  },
  /** Watches equipment, a day's outage stops a service: K2T1S1 → M. */
  'ot-monitoring': {
    'outage-day': 'service-stops',
    'tolerable-downtime': 'one-day',
    'physical-equipment': 'monitors',
    'wrong-data-decisions': 'minor',
    'official-record': 'no',
    'personal-data': ['none'],
    'other-information': 'internal',
    'who-did-what': 'useful',
  },
  /** Sensors nobody misses for a day: K1T1S0 → L. */
  'ot-low': {
    'outage-day': 'inconvenient',
    'tolerable-downtime': 'days',
    'physical-equipment': 'monitors',
    'wrong-data-decisions': 'no',
    'official-record': 'no',
    'personal-data': ['none'],
    'other-information': 'public',
    'who-did-what': 'no',
  },
  /** Health records: wrong data harms patients, special-category data: K2T3S3 → H. */
  health: {
    'outage-day': 'service-stops',
    'tolerable-downtime': 'one-day',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'health-or-safety',
    'official-record': 'internal',
    'personal-data': ['contact', 'personal', 'health-special'],
    'other-information': 'internal',
    'who-did-what': 'evidence',
  },
  /** Social-care cases: decisions on benefits, special-category data: K2T2S3 → H. */
  social: {
    'outage-day': 'service-stops',
    'tolerable-downtime': 'days',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'rights-or-money',
    'official-record': 'legal',
    'personal-data': ['contact', 'personal', 'health-special'],
    'other-information': 'internal',
    'who-did-what': 'required',
  },
  /** Lives depend on it within hours: K3T3S3 → H. */
  emergency: {
    'outage-day': 'safety-at-risk',
    'tolerable-downtime': 'hours',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'health-or-safety',
    'official-record': 'internal',
    'personal-data': ['contact', 'personal', 'health-special'],
    'other-information': 'sensitive',
    'who-did-what': 'evidence',
  },
  /** Criminal-offence data (GDPR Art. 10), decisions on fines: K2T2S3 → H. */
  police: {
    'outage-day': 'service-stops',
    'tolerable-downtime': 'one-day',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'rights-or-money',
    'official-record': 'legal',
    'personal-data': ['contact', 'personal', 'health-special'],
    'other-information': 'sensitive',
    'who-did-what': 'evidence',
  },
  /** A legal register about people and money: K2T2S2 → M. */
  register: {
    'outage-day': 'service-stops',
    'tolerable-downtime': 'one-day',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'rights-or-money',
    'official-record': 'legal',
    'personal-data': ['contact', 'personal'],
    'other-information': 'internal',
    'who-did-what': 'required',
  },
  /** Children's data in education: K1T2S2 → M. */
  children: {
    'outage-day': 'inconvenient',
    'tolerable-downtime': 'days',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'rights-or-money',
    'official-record': 'internal',
    'personal-data': ['contact', 'personal', 'children'],
    'other-information': 'internal',
    'who-did-what': 'required',
  },
  /** A public e-service: a day's outage stops it, personal data: K2T1S2 → M. */
  'public-service': {
    'outage-day': 'service-stops',
    'tolerable-downtime': 'one-day',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'minor',
    'official-record': 'no',
    'personal-data': ['contact', 'personal'],
    'other-information': 'internal',
    'who-did-what': 'useful',
  },
  /** Tenders and negotiations: K1T1S2 → M. */
  'sensitive-internal': {
    'outage-day': 'inconvenient',
    'tolerable-downtime': 'days',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'minor',
    'official-record': 'internal',
    'personal-data': ['contact'],
    'other-information': 'sensitive',
    'who-did-what': 'required',
  },
  /** Shared infrastructure in its own right (it inherits more from what runs on it): K2T1S1 → M. */
  infrastructure: {
    'outage-day': 'service-stops',
    'tolerable-downtime': 'one-day',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'minor',
    'official-record': 'no',
    'personal-data': ['none'],
    'other-information': 'internal',
    'who-did-what': 'useful',
  },
  /** Staff tools: K1T1S1 → L. */
  'internal-service': {
    'outage-day': 'inconvenient',
    'tolerable-downtime': 'days',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'minor',
    'official-record': 'no',
    'personal-data': ['contact'],
    'other-information': 'internal',
    'who-did-what': 'useful',
  },
  /** Public information: K1T1S0 → L. */
  'public-info': {
    'outage-day': 'inconvenient',
    'tolerable-downtime': 'days',
    'physical-equipment': 'no',
    'wrong-data-decisions': 'minor',
    'official-record': 'no',
    'personal-data': ['none'],
    'other-information': 'public',
    'who-did-what': 'no',
  },
} satisfies Record<string, AnswerProfile>;

export type AnswerProfileKey = keyof typeof ANSWERS;
