import type { ImplementationStatus } from '@cityshield/core';
import type { DemoSystem } from './city.js';

/**
 * Common components: implemented once (City Baseline control ids), inherited by every system that
 * uses them unless the system overrides a requirement.
 */
export interface DemoComponent {
  key: string;
  name: string;
  description: string;
  kind: string;
  provider: string | null;
  /** Person key of whoever answers for the implementation. */
  responsible: string;
  implements: ReadonlyArray<readonly [controlId: string, status: ImplementationStatus, statement: string]>;
  /** Which systems use the component. */
  usedBy(system: DemoSystem, dependsOn: ReadonlySet<string>): boolean;
}

export const COMPONENTS: readonly DemoComponent[] = [
  {
    key: 'identity',
    name: 'Central identity service',
    description: 'Single sign-on, multi-factor authentication and the staff directory, run by Digital services & IT for every department.',
    kind: 'service',
    provider: 'Digital services & IT',
    responsible: 'digital',
    implements: [
      [
        'cs-iam-1',
        'implemented',
        'Accounts are created from the HR system on the first working day and disabled automatically after the last; leavers are checked monthly.',
      ],
      ['cs-iam-2', 'implemented', 'At least 12 characters, no composition rules; new passwords are checked against a list of breached passwords.'],
      ['cs-iam-3', 'implemented', 'Multi-factor authentication (authenticator app or security key) is enforced for every staff sign-in.'],
      ['cs-iam-6', 'implemented', 'Ten failed sign-ins lock the account for 15 minutes; repeated lockouts alert the service desk.'],
      ['cs-iam-8', 'implemented', 'Applications sign staff in through SAML 2.0 or OpenID Connect; local accounts are exceptions with a documented reason.'],
      ['cs-iam-9', 'partially', 'Single sign-on sessions end after 30 idle minutes; some applications keep their own longer sessions.'],
      ['cs-iam-12', 'implemented', 'Residents authenticate with the national eID (ID card, Mobile-ID, Smart-ID) through the state authentication service.'],
      ['cs-iam-13', 'planned', 'Security keys for all administrators and remote access are ordered; roll-out planned for the second quarter.'],
      ['cs-log-1', 'implemented', 'Sign-ins, failures, MFA changes and administrator actions are logged and sent to the SIEM.'],
    ],
    usedBy: (s, deps) => deps.has('identity') || s.key === 'intranet',
  },
  {
    key: 'data-centre',
    name: 'City data centre',
    description: 'Server rooms, power, cooling, the core network, backups and log collection of the city data centre.',
    kind: 'service',
    provider: 'Digital services & IT',
    responsible: 'digital',
    implements: [
      ['cs-hwe-7', 'implemented', 'Both server rooms are behind personal access cards, covered by CCTV, with an entry log reviewed monthly.'],
      ['cs-hwe-10', 'implemented', 'Visitors and supplier engineers are escorted and signed in and out.'],
      ['cs-bcm-5', 'implemented', 'UPS for 30 minutes and a diesel generator for 48 hours, tested under load every month.'],
      ['cs-inf-1', 'implemented', 'Redundant next-generation firewalls at the internet boundary; the rule set is reviewed twice a year.'],
      ['cs-inf-6', 'partially', 'Server, user, management and DMZ zones are separated; building automation still shares a zone (migration planned).'],
      ['cs-inf-8', 'implemented', 'All servers and network devices take time from the two internal NTP servers.'],
      ['cs-inf-10', 'implemented', 'Two internet uplinks from different operators over separate routes.'],
      ['cs-dat-2', 'implemented', 'Nightly backups to the second server room with an immutable copy kept for 30 days.'],
      ['cs-dat-3', 'partially', 'Restore tests every quarter for a sample of systems; not every system has been restored yet.'],
      ['cs-log-4', 'implemented', 'Server, firewall and identity logs are collected in the central SIEM.'],
      ['cs-hwe-2', 'implemented', 'Endpoint protection on every server, managed centrally; alerts go to the SIEM.'],
      ['cs-bcm-7', 'planned', 'The second server room becomes a warm stand-by site for critical systems.'],
    ],
    usedBy: (s) => s.hosting === 'on-premises' && s.key !== 'data-centre',
  },
  {
    key: 'email-gateway',
    name: 'E-mail gateway',
    description: 'Filters all e-mail of the city: sender authentication, malware and phishing protection, and encryption in transit.',
    kind: 'service',
    provider: 'Digital services & IT',
    responsible: 'digital',
    implements: [
      ['cs-inf-5', 'implemented', 'SPF, DKIM and DMARC with p=reject on every city domain; DMARC reports are reviewed weekly.'],
      ['cs-hwe-2', 'implemented', 'Attachments are scanned and detonated in a sandbox; Office macros from outside are blocked.'],
      ['cs-awa-3', 'implemented', 'A "Report phishing" button in the mail client sends reports to the security team’s queue.'],
      ['cs-dat-4', 'implemented', 'TLS is enforced for mail between the city, state agencies and the main partners.'],
      ['cs-dat-11', 'planned', 'Rules that stop personal identification codes leaving in bulk are being tested.'],
    ],
    usedBy: (s) => ['email', 'eservices', 'documents', 'tax-register', 'permits', 'social-benefits', 'social-eapplications'].includes(s.key),
  },
  {
    key: 'regional-hosting',
    name: 'Regional IT provider hosting',
    description: 'Application hosting by the Regional IT Centre for the finance systems of the municipalities of the county.',
    kind: 'service',
    provider: 'Regional IT Centre',
    responsible: 'finance',
    implements: [
      ['cs-sup-2', 'implemented', 'Framework contract with a security annex (ISKE M), audit rights and incident notification within 24 hours.'],
      ['cs-sup-4', 'implemented', 'Provider staff use personal accounts with MFA; access is logged and reviewed quarterly.'],
      ['cs-sup-6', 'implemented', 'The provider was assessed in the last audit cycle; findings are tracked to closure.'],
      ['cs-sup-7', 'partially', 'Quarterly service reviews; the security part of the review is not yet documented every time.'],
      ['cs-app-2', 'implemented', 'Monthly maintenance window; critical security updates within 72 hours.'],
      ['cs-app-9', 'implemented', 'Weekly authenticated vulnerability scans; results shared with the city.'],
      ['cs-log-8', 'implemented', 'The provider’s operations centre monitors the hosting platform around the clock.'],
      ['cs-inf-7', 'implemented', 'Changes go through the provider’s change board; the city approves changes to its applications.'],
      ['cs-bcm-7', 'partially', 'Replication to the provider’s second site; fail-over has been tested for the ERP only.'],
    ],
    usedBy: (s) => s.hosting === 'supplier' && s.supplier === 'Regional IT Centre',
  },
];
