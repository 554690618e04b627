import type { GroupDef } from '../types.js';

export const SUPPLIERS: GroupDef = {
  id: 'cs-sup',
  title: 'Cloud services and suppliers',
  overview:
    'Most city systems are built, hosted or maintained by others: regional IT providers, software vendors, cloud services and maintenance firms. The city stays responsible for its data and services, so it chooses, binds and follows its suppliers with security in mind.',
  requirements: [
    {
      n: 1,
      title: 'Supplier register',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      statement:
        'Every supplier that operates, hosts, develops or maintains city systems, or has access to city data, is recorded with the systems and data concerned, the contract, and a contact for security matters.',
      guidance:
        'The procurement and finance departments can tell which companies are paid for IT services; start from there. Link suppliers to systems in the register so that an incident at a supplier shows at once which services are affected. Keep the security contact current; it is needed at night during an incident.',
      iso: ['5.19'],
      nist: ['sa-9', 'sr-2'],
    },
    {
      n: 2,
      title: 'Security terms in contracts',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'maximum time for a supplier to report an incident to the city', value: '24 hours' }],
      statement:
        'Contracts with such suppliers contain security and data protection terms covering at least: a data processing agreement where personal data are processed, notice of security incidents to the city within {{1}}, the right to audit, where data are stored, return and deletion of data at the end, and use of subcontractors only with approval.',
      guidance:
        'Your own NIS2 reporting clock may start when the supplier tells you, so a slow supplier makes you late. Use a standard annex in every tender instead of negotiating each time. Check old contracts when they are renewed.',
      iso: ['5.20'],
      nist: ['sa-4', 'sa-9', 'sr-8'],
    },
    {
      n: 3,
      title: 'Approved cloud services only',
      level: 'basic',
      cia: 'C',
      kinds: ['cloud-service'],
      statement:
        'Cloud services, including free and trial online tools, are used for city data only after IT and the data protection officer have approved them, and the approved services are published to staff in a list.',
      guidance:
        'Staff adopt convenient online tools for surveys, file sharing and translation without knowing where the data go. A short, well-known list of approved alternatives reduces this more than prohibitions. Network and identity logs reveal which unapproved services are in use.',
      iso: ['5.23'],
      nist: ['sa-9', 'ac-20'],
    },
    {
      n: 4,
      title: 'Supplier accounts',
      level: 'basic',
      cia: 'CI',
      kinds: 'all',
      params: [{ label: 'inactivity after which a supplier account is disabled', value: '90 days' }],
      statement:
        'Supplier staff use personal accounts with only the access their contract needs; the accounts are disabled when the work ends, and at the latest after {{1}} without use.',
      guidance:
        'Shared supplier accounts with old passwords are a typical entry point in attacks on public bodies. Ask suppliers to report staff changes. Include supplier accounts in the regular access review.',
      iso: ['5.18', '5.20'],
      nist: ['ps-7', 'ac-2'],
    },
    {
      n: 5,
      title: 'Secure configuration of cloud tenants',
      level: 'standard',
      cia: 'CI',
      kinds: ['cloud-service'],
      params: [{ label: 'review interval of cloud security settings', value: '6 months' }],
      statement:
        'Cloud tenants such as office suites, hosting and software services are configured according to a security baseline from the provider or a trusted source, the security settings are reviewed at least every {{1}}, and administrator roles follow the identity and access requirements.',
      guidance:
        'Providers offer secure-score dashboards and baseline checks; use them. Watch for new features that are switched on by default, such as external sharing. Limit global administrator roles to a few people with phishing-resistant authentication.',
      iso: ['5.23', '8.9'],
      nist: ['cm-6', 'sa-9'],
    },
    {
      n: 6,
      title: 'Assessment of critical suppliers',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'reassessment interval', value: '2 years', high: '12 months' }],
      statement:
        'Before contracting and at least every {{1}} after that, suppliers of critical services show evidence of their security, such as an ISO/IEC 27001 certificate, an independent assurance report or answers to the city’s questionnaire, and the city reviews it and records open points.',
      guidance:
        'Check that a certificate covers the service you buy, not only the supplier’s head office. Share assessments with other cities using the same supplier to save effort. Follow up open points at the next review meeting.',
      iso: ['5.19', '5.22'],
      nist: ['sr-6', 'sa-9'],
    },
    {
      n: 7,
      title: 'Regular supplier reviews',
      level: 'high',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'review meeting interval with critical suppliers', value: '6 months' }],
      statement:
        'The security performance of critical suppliers, including incidents, update timeliness, changes of subcontractors and audit findings, is reviewed with the supplier at least every {{1}} and the outcome is recorded.',
      guidance:
        'A fixed agenda keeps the meeting short and useful. Ask about changes in hosting, staff and subcontractors that could affect the service. Escalate repeated problems to the contract owner.',
      iso: ['5.22'],
      nist: ['sa-9', 'sr-6'],
    },
    {
      n: 8,
      title: 'Exit plan for critical services',
      level: 'high',
      cia: 'A',
      kinds: ['cloud-service', 'application'],
      statement:
        'For each critical cloud or outsourced service, an exit plan describes how the data are exported in a usable format and how the service is moved or continued if the supplier fails or the contract ends; the data export is tried out at least once.',
      guidance:
        'Suppliers go bankrupt, are bought or change their terms. An export tried out in advance turns a crisis into a project. Store a recent export under city control where the data are critical.',
      iso: ['5.23', '5.30'],
      nist: ['sa-9', 'cp-2'],
    },
    {
      n: 9,
      title: 'Location of data and processing',
      level: 'high',
      cia: 'C',
      kinds: ['cloud-service'],
      params: [{ label: 'permitted location of processing', value: 'the European Economic Area' }],
      statement:
        'Special categories of personal data and data of critical services are stored and processed only in {{1}}, and the supplier discloses every subprocessor and every access to the data from outside that area.',
      guidance:
        'Remote support from other continents counts as access even if the data centre is local. Ask for the list of subprocessors and a notice before changes. The data protection officer decides on transfers that remain necessary.',
      iso: ['5.23', '5.34'],
      nist: ['sa-9.5'],
    },
    {
      n: 10,
      title: 'Software bill of materials',
      level: 'high',
      cia: 'I',
      kinds: ['application', 'ot-iot', 'cloud-service'],
      params: [{ label: 'time for the supplier to report a vulnerable component', value: '7 days' }],
      statement:
        'Suppliers of software for critical services deliver a software bill of materials with each release and notify the city within {{1}} when a component they use has a known exploitable vulnerability, together with their plan to fix it.',
      guidance:
        'When a widely used library turns out to be vulnerable, a bill of materials answers in minutes whether the city is affected. Standard formats such as SPDX and CycloneDX can be read by tools. Keep the bills with the system records.',
      iso: ['5.21'],
      nist: ['sr-4', 'sr-3'],
    },
  ],
};
