import type { ImplementationStatus } from '@cityshield/core';
import { type DemoContext, type DemoStep, dayOffset } from '../context.js';
import { tinyPdf } from '../pdf.js';

interface Detail {
  system: string;
  controlId: string;
  status: ImplementationStatus;
  statement: string;
  dueInDays?: number;
  responsible?: string;
  links?: Array<{ name: string; path: string }>;
  file?: { name: string; content: (demo: DemoContext) => Buffer };
  comments?: Array<{ by: string; body: string }>;
}

/**
 * A few requirement records written out in full, the way a diligent system owner would: own
 * statements (some overriding what a component provides), evidence links and files, and a short
 * conversation with the auditor — so the requirement pages of the demo have something to show.
 */
const DETAILS: readonly Detail[] = [
  {
    system: 'patient-register',
    controlId: 'cs-dat-6',
    status: 'implemented',
    statement:
      'The health database is encrypted at rest (AES-256); the keys are kept in the hardware security module of the data centre. Backups are encrypted with a separate key.',
  },
  {
    system: 'patient-register',
    controlId: 'cs-dat-10',
    status: 'implemented',
    statement:
      'Every opening of a patient record is logged with the user and the stated reason; the data protection officer reviews unusual access every month.',
    links: [{ name: 'Access log review, last month', path: 'health/access-reviews/latest' }],
    comments: [
      { by: 'auditor', body: 'Which alerts trigger a review outside the monthly cycle? Please add the rule list.' },
      { by: 'health', body: 'Added to the access review page: bulk exports and records of staff themselves trigger an immediate review.' },
    ],
  },
  {
    system: 'patient-register',
    controlId: 'cs-dat-3',
    status: 'implemented',
    statement:
      'A full restore of the patient register and its database was tested in the second server room: 3 h 10 min, within the 4-hour recovery time objective.',
    file: {
      name: 'restore-test-patient-register.txt',
      content: () =>
        Buffer.from(
          [
            'Restore test: Patient and health register',
            '',
            'Scope:     application servers (2) and the health register database',
            'Source:    nightly backup, immutable copy',
            'Target:    isolated network in the second server room',
            'Duration:  3 h 10 min (objective: 4 h)',
            'Result:    application started; 20 sample records compared with production: identical',
            'Findings:  restore runbook step 7 (certificate import) was out of date; corrected',
            '',
            'Signed off by the system owner and the IT operations lead.',
            '',
          ].join('\n'),
          'utf8',
        ),
    },
  },
  {
    system: 'patient-register',
    controlId: 'cs-app-12',
    status: 'implemented',
    statement:
      'Independent penetration test of the web interface and the API every two years and after major changes; no high findings open.',
    file: {
      name: 'penetration-test-summary.pdf',
      content: () =>
        tinyPdf('Penetration test summary: Patient and health register', [
          'Tester: independent accredited testing company (under NDA)',
          'Scope: web interface, REST API, authentication through the identity service',
          'Findings: 0 critical, 0 high, 2 medium, 3 low',
          'Medium 1: verbose error messages on the API (fixed in release 5.4)',
          'Medium 2: missing rate limit on the search endpoint (fixed in release 5.4)',
          'Low findings accepted by the system owner; see the corrective action list.',
        ]),
    },
  },
  {
    system: 'patient-register',
    controlId: 'cs-iam-9',
    status: 'implemented',
    statement:
      'The patient register ends sessions after 10 idle minutes, shorter than the single sign-on default, and locks on badge removal.',
  },
  {
    system: 'traffic-signals',
    controlId: 'cs-ot-3',
    status: 'partially',
    statement:
      'Signalwerk engineers connect through the jump host with personal accounts enabled on request; sessions are not yet recorded.',
    dueInDays: 45,
    comments: [
      { by: 'auditor', body: 'Please attach the jump host access log for the last quarter.' },
      { by: 'transport', body: 'The supplier says session recording comes with the controller software upgrade; I have asked for a date.' },
    ],
  },
  {
    system: 'traffic-signals',
    controlId: 'cs-ot-6',
    status: 'implemented',
    statement:
      'Junction controllers fall back to fixed-time plans and flashing amber on their own when the central system is lost; conflict monitoring is in hardware.',
  },
  {
    system: 'traffic-signals',
    controlId: 'cs-ot-2',
    status: 'implemented',
    statement: 'No controller or server of the system is reachable from the internet; checked every month with an external exposure scan.',
    links: [{ name: 'External exposure scan, monthly report', path: 'security/exposure-scans/traffic' }],
  },
  {
    system: 'website',
    controlId: 'cs-app-1',
    status: 'implemented',
    statement: 'HTTPS only, TLS 1.2 and 1.3, HSTS preloaded; certificates are renewed automatically 30 days before they expire.',
    links: [{ name: 'TLS configuration scan result (A+)', path: 'security/tls-scans/www' }],
  },
  {
    system: 'website',
    controlId: 'cs-app-5',
    status: 'planned',
    statement: 'Defacement monitoring will be bought together with the uptime monitoring service.',
    dueInDays: -12,
    responsible: 'officer',
    comments: [
      { by: 'officer', body: 'The procurement was delayed to the next budget round; new date to be agreed with the IT department.' },
    ],
  },
];

export const detailsStep: DemoStep = {
  name: 'details',
  async run(demo: DemoContext) {
    const { services, officer } = demo;
    let records = 0;
    let evidence = 0;
    let comments = 0;
    const link = (path: string) => `https://intranet.${demo.domain}/${path}`;
    for (const d of DETAILS) {
      const systemId = demo.systems.get(d.system);
      if (!systemId) continue;
      const [row] = (await services.requirements.list(officer, { systemId, controlId: d.controlId }, 1, 1)).items;
      if (!row) continue; // not in this system's list (another method or mapping)
      const responsibleId = d.responsible ? demo.people.get(d.responsible) : undefined;
      const owner = (await services.systems.get(officer, systemId)).ownerId;
      await services.requirements.update(officer, row.id, {
        status: d.status,
        statement: d.statement,
        responsibleId: responsibleId ?? owner,
        ...(d.dueInDays !== undefined ? { dueDate: dayOffset(demo.today, d.dueInDays) } : {}),
      });
      records += 1;
      const current = await services.requirements.get(officer, row.id);
      const haveEvidence = new Set(current.evidence.map((e) => e.name));
      for (const l of d.links ?? []) {
        if (haveEvidence.has(l.name)) continue;
        await services.evidence.addLink(officer, { type: 'requirement', id: row.id }, l.name, link(l.path));
        evidence += 1;
      }
      if (d.file && !haveEvidence.has(d.file.name)) {
        await services.evidence.addFile(officer, { type: 'requirement', id: row.id }, d.file.name, d.file.content(demo));
        evidence += 1;
      }
      const haveComments = new Set(current.comments.map((c) => c.body));
      for (const c of d.comments ?? []) {
        if (haveComments.has(c.body)) continue;
        await services.requirements.comment(await demo.actorFor(c.by), row.id, c.body);
        comments += 1;
      }
    }

    // Evidence of a component's implementation shows on every requirement that inherits it.
    const identity = demo.components.get('identity');
    if (identity) {
      const mfa = (await services.components.get(officer, identity)).requirements.find((r) => r.controlId === 'cs-iam-3');
      if (mfa && mfa.evidenceCount === 0) {
        const policy = [
          'Multi-factor authentication: enforcement settings of the central identity service',
          '',
          'Applies to:        all staff accounts, all applications behind single sign-on',
          'Methods allowed:   authenticator app (TOTP), FIDO2 security key',
          'Methods refused:   SMS, e-mail codes',
          'Exceptions:        none (service accounts cannot sign in interactively)',
          'Re-authentication: every 12 hours, and for administrator roles every 1 hour',
          '',
        ].join('\n');
        await services.evidence.addFile(
          officer,
          { type: 'component-requirement', id: mfa.id },
          'mfa-enforcement-settings.txt',
          Buffer.from(policy),
        );
        await services.evidence.addLink(
          officer,
          { type: 'component-requirement', id: mfa.id },
          'MFA roll-out report',
          link('it/identity/mfa-rollout'),
        );
        evidence += 2;
      }
    }
    return `${records} requirement records described in full, ${evidence} pieces of evidence, ${comments} comments`;
  },
};
