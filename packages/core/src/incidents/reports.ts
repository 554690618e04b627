import type { ReportStage } from './nis2.js';

/**
 * What each report must contain (NIS2 Art. 23(4); GDPR Art. 33(3) for the data-protection
 * authority), and the draft CityShield writes from the incident for the handler to complete.
 */

export interface ReportField {
  key: string;
  label: string;
  /** What Article 23 (or 33) asks for, in plain words. */
  help: string;
  kind: 'text' | 'yes-no-unknown';
  required: boolean;
}

const f = (key: string, label: string, help: string, kind: ReportField['kind'] = 'text', required = true): ReportField => ({
  key,
  label,
  help,
  kind,
  required,
});

export const REPORT_FIELDS: Record<ReportStage, readonly ReportField[]> = {
  'early-warning': [
    f('summary', 'What happened', 'A short description of the incident as known now.'),
    f(
      'suspectedMalicious',
      'Suspected unlawful or malicious cause',
      'Whether the incident is suspected of being caused by unlawful or malicious acts.',
      'yes-no-unknown',
    ),
    f('crossBorder', 'Possible cross-border impact', 'Whether the incident could have a cross-border impact.', 'yes-no-unknown'),
    f('affectedServices', 'Affected services', 'The services and systems affected.'),
  ],
  notification: [
    f('update', 'Update', 'What is new since the early warning.'),
    f('severity', 'Initial assessment of severity', 'How severe the incident is, and why.'),
    f('impact', 'Initial assessment of impact', 'Who and what is affected, and how much.'),
    f('iocs', 'Indicators of compromise', 'Where available: addresses, hashes, domains, accounts.', 'text', false),
  ],
  'progress-report': [
    f('status', 'Current status', 'Where handling stands one month after the notification.'),
    f('update', 'Update', 'What has been done since the notification and what remains.'),
  ],
  'final-report': [
    f('description', 'Detailed description', 'The incident in detail, including its severity and impact.'),
    f('threatType', 'Type of threat or root cause', 'The type of threat or root cause that likely triggered the incident.'),
    f('mitigation', 'Mitigation measures', 'Measures applied and ongoing.'),
    f('crossBorder', 'Cross-border impact', 'The cross-border impact of the incident, where applicable.', 'text', false),
  ],
  'gdpr-notification': [
    f('nature', 'Nature of the breach', 'Categories and approximate number of people and of records concerned.'),
    f('contact', 'Contact point', 'Name and contact details of the data-protection officer or another contact point.'),
    f('consequences', 'Likely consequences', 'The likely consequences of the personal-data breach.'),
    f('measures', 'Measures taken or proposed', 'Measures to address the breach and to mitigate its possible adverse effects.'),
  ],
};

export interface IncidentFacts {
  ref: string;
  title: string;
  description: string;
  typeName: string | null;
  severity: string;
  status: string;
  awareAt: string;
  systems: ReadonlyArray<{ name: string; securityLevel: string | null }>;
  iocs: readonly string[];
  rootCause: string | null;
  lessonsLearned: string | null;
  timeline: ReadonlyArray<{ at: string; text: string }>;
  malicious: boolean | null;
  personalData: boolean;
}

const yesNo = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');
const systemsText = (s: IncidentFacts['systems']) =>
  s.length === 0 ? 'No system recorded yet.' : s.map((x) => `${x.name}${x.securityLevel ? ` (class ${x.securityLevel})` : ''}`).join(', ');

/** The draft for one stage: every field filled from what the incident already records. */
export function draftReport(stage: ReportStage, i: IncidentFacts): Record<string, string> {
  const lastEntries = i.timeline
    .slice(-5)
    .map((t) => `${t.at.slice(0, 16).replace('T', ' ')} UTC: ${t.text}`)
    .join('\n');
  switch (stage) {
    case 'early-warning':
      return {
        summary: `${i.title}. ${i.description}`.trim(),
        suspectedMalicious: yesNo(i.malicious),
        crossBorder: 'unknown',
        affectedServices: systemsText(i.systems),
      };
    case 'notification':
      return {
        update: lastEntries || 'No update recorded.',
        severity: `${i.severity}${i.typeName ? ` — ${i.typeName}` : ''}`,
        impact: systemsText(i.systems),
        iocs: i.iocs.join('\n'),
      };
    case 'progress-report':
      return { status: i.status, update: lastEntries || 'No update recorded.' };
    case 'final-report':
      return {
        description: `${i.title}. ${i.description}`.trim(),
        threatType: [i.typeName, i.rootCause].filter(Boolean).join(' — '),
        mitigation: [i.lessonsLearned ? `Lessons learned: ${i.lessonsLearned}` : '', lastEntries].filter(Boolean).join('\n'),
        crossBorder: '',
      };
    case 'gdpr-notification':
      return { nature: i.description, contact: '', consequences: '', measures: lastEntries };
  }
}

/** Required fields still empty: a report cannot be marked as sent while any is. */
export function missingFields(stage: ReportStage, content: Readonly<Record<string, string>>): string[] {
  return REPORT_FIELDS[stage].filter((field) => field.required && !(content[field.key] ?? '').trim()).map((field) => field.key);
}
