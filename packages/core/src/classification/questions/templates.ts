/**
 * The plain-language questions a system owner answers, written once for all methods. Each answer
 * states the damage it implies on one neutral scale; a per-method binding (sets.ts) turns that
 * into the method's own dimensions and levels. One wording for every method keeps the officer's
 * explanation the same whichever method the city uses, and a new method needs only a binding.
 */

/** The four concerns the questions speak about; methods without traceability fold it into integrity. */
export type Concern = 'confidentiality' | 'integrity' | 'availability' | 'traceability';

/**
 * Damage if the concern is breached: 0 negligible, 1 limited, 2 considerable, 3 severe (health,
 * life, critical city services), 4 extreme (national security).
 */
export type Impact = 0 | 1 | 2 | 3 | 4;

export interface OptionTemplate {
  readonly id: string;
  readonly label: string;
  readonly reason: string;
  readonly impacts: Readonly<Partial<Record<Concern, Impact>>>;
}

export interface QuestionTemplate {
  readonly id: string;
  readonly text: string;
  readonly help?: string;
  readonly concern: Concern;
  readonly multiple?: boolean;
  readonly options: readonly OptionTemplate[];
}

export const QUESTION_TEMPLATES: readonly QuestionTemplate[] = [
  {
    id: 'outage-day',
    concern: 'availability',
    text: 'What happens if this system is unavailable for a day?',
    options: [
      {
        id: 'hardly-noticed',
        label: 'Hardly anyone notices; the work can wait.',
        reason: 'A day without it causes negligible harm.',
        impacts: { availability: 0 },
      },
      {
        id: 'inconvenient',
        label: 'Staff or residents are inconvenienced; work is delayed but catches up.',
        reason: 'A day without it causes limited, recoverable harm.',
        impacts: { availability: 1 },
      },
      {
        id: 'service-stops',
        label: 'A public service stops, or legal deadlines and payments are missed.',
        reason: 'A day without it stops a service residents rely on.',
        impacts: { availability: 2 },
      },
      {
        id: 'safety-at-risk',
        label: "People's health or safety is at risk, or water, heating, traffic or emergency services fail.",
        reason: 'An outage endangers people or critical city services.',
        impacts: { availability: 3 },
      },
    ],
  },
  {
    id: 'tolerable-downtime',
    concern: 'availability',
    text: 'What is the longest outage the city can live with?',
    help: 'Think of the worst time of year, e.g. tax season or winter for heating.',
    options: [
      { id: 'week', label: 'A week or more.', reason: 'The city can do without it for a week.', impacts: { availability: 0 } },
      { id: 'days', label: 'A few days.', reason: 'Only a few days of outage are acceptable.', impacts: { availability: 1 } },
      {
        id: 'one-day',
        label: 'About one working day.',
        reason: 'At most a working day of outage is acceptable.',
        impacts: { availability: 2 },
      },
      { id: 'hours', label: 'A few hours or less.', reason: 'Only hours of outage are acceptable.', impacts: { availability: 3 } },
    ],
  },
  {
    id: 'physical-equipment',
    concern: 'availability',
    text: 'Does it control physical equipment such as traffic signals, pumps, lifts or door locks?',
    options: [
      { id: 'no', label: 'No.', reason: '', impacts: {} },
      {
        id: 'monitors',
        label: 'It only monitors equipment (readings, alarms).',
        reason: 'Missing or false readings delay the response to faults.',
        impacts: { availability: 1, integrity: 1 },
      },
      {
        id: 'controls',
        label: 'Yes, it switches or steers equipment.',
        reason: 'A failure or a wrong command can put people in physical danger.',
        impacts: { availability: 3, integrity: 3 },
      },
    ],
  },
  {
    id: 'wrong-data-decisions',
    concern: 'integrity',
    text: "Could wrong data in it lead to wrong decisions about citizens' benefits, permits, fines or care?",
    options: [
      {
        id: 'no',
        label: 'No, nothing is decided from its data.',
        reason: 'Wrong data has negligible consequences.',
        impacts: { integrity: 0 },
      },
      {
        id: 'minor',
        label: 'Only small mistakes that are easily noticed and corrected.',
        reason: 'Errors are limited and found quickly.',
        impacts: { integrity: 1 },
      },
      {
        id: 'rights-or-money',
        label: "Yes, decisions about people's rights or money.",
        reason: "Wrong data can lead to unlawful decisions about people's rights or money.",
        impacts: { integrity: 2 },
      },
      {
        id: 'health-or-safety',
        label: 'Yes, with a risk to health, life or safety (care, emergency response).',
        reason: 'Wrong data can harm health, life or safety.',
        impacts: { integrity: 3 },
      },
    ],
  },
  {
    id: 'official-record',
    concern: 'integrity',
    text: 'Is it an official register or record that others rely on?',
    options: [
      { id: 'no', label: 'No.', reason: '', impacts: {} },
      {
        id: 'internal',
        label: 'It is the record for our own department.',
        reason: 'The department relies on the record being right.',
        impacts: { integrity: 1, traceability: 1 },
      },
      {
        id: 'legal',
        label: 'Yes, a legal register (population, property, decisions) other bodies or residents rely on.',
        reason: 'A legal register must be correct and its changes attributable.',
        impacts: { integrity: 2, traceability: 2 },
      },
    ],
  },
  {
    id: 'personal-data',
    concern: 'confidentiality',
    multiple: true,
    text: 'Which information about people does it hold?',
    options: [
      { id: 'none', label: 'None.', reason: 'No personal data.', impacts: { confidentiality: 0 } },
      { id: 'contact', label: 'Names and contact details.', reason: 'Contact details are personal data.', impacts: { confidentiality: 1 } },
      {
        id: 'personal',
        label: 'Other personal data: identity numbers, addresses, case files, income.',
        reason: 'Disclosure of such personal data considerably harms the people concerned.',
        impacts: { confidentiality: 2 },
      },
      {
        id: 'children',
        label: 'Data about children.',
        reason: "Children's data needs particular protection under the GDPR.",
        impacts: { confidentiality: 2 },
      },
      {
        id: 'health-special',
        label: 'Health or social-care data, or other special categories (ethnicity, religion, criminal records).',
        reason: 'Health and other special-category data (GDPR Art. 9 and 10) cause severe harm when disclosed.',
        impacts: { confidentiality: 3 },
      },
    ],
  },
  {
    id: 'other-information',
    concern: 'confidentiality',
    text: 'What harm would follow if its other (non-personal) information became public?',
    options: [
      { id: 'public', label: 'None; it is public anyway.', reason: 'The information is public.', impacts: { confidentiality: 0 } },
      {
        id: 'internal',
        label: 'Some embarrassment; it is for internal use.',
        reason: 'Internal information, limited harm.',
        impacts: { confidentiality: 1 },
      },
      {
        id: 'sensitive',
        label: 'Real damage: tenders, negotiations, security plans.',
        reason: 'Disclosure considerably harms the city or its partners.',
        impacts: { confidentiality: 2 },
      },
      {
        id: 'critical',
        label: 'It would help someone attack critical infrastructure (water, energy, traffic control).',
        reason: 'Disclosure could enable attacks on critical infrastructure.',
        impacts: { confidentiality: 3 },
      },
      {
        id: 'national-security',
        label: 'It contains classified information concerning national security.',
        reason: 'National-security information needs the highest protection.',
        impacts: { confidentiality: 4 },
      },
    ],
  },
  {
    id: 'who-did-what',
    concern: 'traceability',
    text: 'Must the city be able to show later who did what in it, and when?',
    options: [
      { id: 'no', label: 'No.', reason: 'Traceability is not needed.', impacts: { traceability: 0 } },
      {
        id: 'useful',
        label: 'It would help to sort out mistakes.',
        reason: 'Traceability helps to correct mistakes.',
        impacts: { traceability: 1 },
      },
      {
        id: 'required',
        label: 'Yes, decisions and changes must be attributable to a person.',
        reason: 'Decisions must be attributable to the official who made them.',
        impacts: { traceability: 2 },
      },
      {
        id: 'evidence',
        label: 'Yes, the records serve as evidence for courts, auditors or supervisors.',
        reason: 'The records must stand as evidence.',
        impacts: { traceability: 3 },
      },
    ],
  },
];
