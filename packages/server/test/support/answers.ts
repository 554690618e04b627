/** ISKE questionnaire answers that give a high (K3T3S1 → H) and a low (L) class. */
export const HIGH = {
  'outage-day': 'safety-at-risk',
  'physical-equipment': 'controls',
  'wrong-data-decisions': 'health-or-safety',
  'personal-data': 'none',
  'other-information': 'internal',
  'tolerable-downtime': 'hours',
  'official-record': 'no',
  'who-did-what': 'useful',
};
export const LOW = {
  'outage-day': 'inconvenient',
  'personal-data': 'contact',
  'other-information': 'internal',
  'wrong-data-decisions': 'minor',
};
