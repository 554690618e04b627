import type { GroupDef } from '../types.js';

export const GOVERNANCE: GroupDef = {
  id: 'cs-gov',
  title: 'Security audit, planning and advisory',
  overview:
    'How the city steers its security work: policy and roles, the register and classification of systems, legal duties, risk assessment, planning, audits on a fixed cycle and the follow-up of findings.',
  requirements: [
    {
      n: 1,
      title: 'Security policy and responsibilities',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      statement:
        'The city has an information security policy approved by its management, names a security officer with the time and authority the role needs, and names an owner for each information system who is responsible for its security.',
      guidance:
        'The policy can be short: scope, goals, roles and the commitment of management. In small cities the security officer may serve several municipalities through a shared-service centre. System owners sit in the departments, because they know what the system is used for.',
      iso: ['5.1', '5.2', '5.4'],
      nist: ['pm-1', 'pm-2', 'pl-1'],
    },
    {
      n: 2,
      title: 'Register and classification of systems',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      statement:
        'Every information system is recorded in the register with its owner, purpose, data, suppliers and dependencies, and is classified for confidentiality, integrity and availability before going live and after significant changes; the classification determines the level of requirements that applies.',
      guidance:
        'Classification answers the question owners ask most: what do I have to do for my system? Use the guided questionnaire and inherit needs along dependencies, so that a server hosting a critical application is protected accordingly. Review classifications when the use of a system changes.',
      iso: ['5.9', '5.12'],
      nist: ['ra-2', 'cm-8', 'pm-5'],
    },
    {
      n: 3,
      title: 'Register of legal requirements',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'review interval of the register', value: '12 months' }],
      statement:
        'The legal, regulatory and contractual security and data protection duties that apply to the city, such as data protection law, the national NIS2 law and sector rules for health, water and energy, are listed with the systems they affect and reviewed at least every {{1}}.',
      guidance:
        'Ask the legal department to own the list and the security officer to link it to systems. Associations of municipalities often publish overviews; reuse them. Legal duties can add requirements beyond what the classification alone would demand.',
      iso: ['5.31', '5.34'],
      nist: [],
    },
    {
      n: 4,
      title: 'Independent audit cycle',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [
        {
          label: 'maximum interval between independent audits',
          value: '4 years',
          standard: '3 years',
          high: '2 years',
          guidelines: 'The interval follows the security level of the system: four years for basic, three for standard, two for high.',
        },
      ],
      statement:
        'The implementation of these requirements is audited by an independent auditor at least every {{1}}. The auditor has not advised on, built or operated the audited area in the previous two years.',
      guidance:
        'Plan audits for several years ahead so that budgets and staff time are reserved. Smaller cities can share auditors and audit plans through their association. Make sure the findings reach management and the council.',
      iso: ['5.35'],
      nist: ['ca-2', 'ca-2.1'],
    },
    {
      n: 5,
      title: 'Risk assessment',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'risk assessment interval', value: '2 years', high: '12 months' }],
      statement:
        'Information security risks of critical services and of systems at the standard or high level are assessed at least every {{1}} and after major changes, including the threats typical for cities such as phishing, ransomware, denial of service, defacement, identity fraud, intrusion into privacy and manipulation of OT; each risk has an owner and a treatment decision.',
      guidance:
        'Keep the method simple enough to repeat: likelihood and impact on a small scale, and a clear owner who decides. Involve the service owners, who know the consequences best. Accepted risks need a signature and an end date.',
      // ISO/IEC 27002 leaves risk assessment to ISO/IEC 27001 (clause 6), so there is no 27002 control to map.
      iso: [],
      nist: ['ra-3', 'ra-7', 'pm-9'],
    },
    {
      n: 6,
      title: 'Security plan and reporting to management',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'reporting interval to city management', value: '6 months' }],
      statement:
        'The security officer keeps a yearly security plan with goals, budget and planned measures, and reports progress, main risks and incidents to city management at least every {{1}}.',
      guidance:
        'Management decides on resources, so it needs a clear picture in plain language. Show trends, such as time to fix vulnerabilities and training completion, rather than long lists. Tie the plan to the city’s budget cycle.',
      iso: ['5.1', '5.4'],
      nist: ['pm-1', 'pm-3', 'pm-6'],
    },
    {
      n: 7,
      title: 'Tracked corrective actions',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      statement:
        'Findings from audits, tests, incidents and reviews are recorded as corrective actions with an owner and a deadline, and actions that are overdue are escalated to management.',
      guidance:
        'A single list of all open actions avoids duplicate work and forgotten findings. Report the number of overdue actions regularly. Close an action only when its effect has been checked.',
      iso: ['5.36', '5.35'],
      nist: ['ca-5', 'pm-4'],
    },
    {
      n: 8,
      title: 'Security from the start of projects',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      statement:
        'Every IT project and procurement classifies the system at its start, includes the resulting requirements in the specification and budget, and obtains the security officer’s approval before going live.',
      guidance:
        'Adding security after the contract is signed costs much more. Give project managers a short checklist and a contact person. Approval before go-live should check evidence, not only promises.',
      iso: ['5.8'],
      nist: ['sa-3', 'pl-2'],
    },
    {
      n: 9,
      title: 'Implementation status per system',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'update interval', value: '12 months' }],
      statement:
        'For each system the owner records, for every applicable requirement, whether and how it is implemented, the evidence, and the reason if a requirement does not apply; the record is updated at least every {{1}}.',
      guidance:
        'This record is the statement of applicability that auditors ask for. Requirements implemented centrally, for example by the identity service or the data centre, can be inherited instead of being described again for every system. Keep evidence as links to documents rather than copies.',
      iso: ['5.36'],
      nist: ['pl-2', 'ca-7'],
    },
    {
      n: 10,
      title: 'Reviewed security architecture',
      level: 'high',
      cia: 'CIA',
      kinds: ['application', 'cloud-service', 'network', 'ot-iot', 'database'],
      statement:
        'Systems at the high level have a documented security architecture, covering zones, data flows, identities and dependencies, that a security specialist reviews before go-live and after major changes.',
      guidance:
        'A one-page diagram with trust boundaries is often enough to spot design flaws. Regional IT providers or national agencies may offer architecture advice to municipalities. Keep the diagram current as part of change management.',
      iso: ['8.27'],
      nist: ['pl-8', 'sa-17'],
    },
    {
      n: 11,
      title: 'Screening and confidentiality for trusted roles',
      level: 'high',
      cia: 'CI',
      kinds: 'all',
      statement:
        'People in roles with broad access to critical systems or to special categories of personal data, such as administrators, security staff and OT operators, are screened before appointment as far as the law allows, and sign confidentiality obligations that continue after they leave.',
      guidance:
        'Follow national employment and data protection rules on what may be checked. Apply the same expectations to supplier staff in such roles through the contract. Repeat screening when a person moves into a more sensitive role.',
      iso: ['6.1', '6.6'],
      nist: ['ps-3', 'ps-6'],
    },
  ],
};
