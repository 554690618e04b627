import type { GroupDef } from '../types.js';

export const INCIDENTS: GroupDef = {
  id: 'cs-inc',
  title: 'Incident response and NIS2 reporting',
  overview:
    'Preparing for, handling and learning from security incidents, and reporting significant incidents to the authorities within the NIS2 deadlines: an early warning within 24 hours, a notification within 72 hours and a final report within one month.',
  requirements: [
    {
      n: 1,
      title: 'One easy way to report',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'reporting channel', value: 'a phone number and a mailbox staffed by the IT service desk' }],
      statement:
        'Staff and suppliers know one simple way to report suspected security incidents, lost devices and suspicious messages at any time, namely {{1}}, and each report is acknowledged.',
      guidance:
        'People hesitate to report when they are unsure or fear blame. Put the channel on every intranet page, badge and laptop sticker. Thank every reporter, including those whose report turns out harmless.',
      iso: ['6.8'],
      nist: ['ir-6', 'ir-7'],
    },
    {
      n: 2,
      title: 'Incident response plan',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'plan review interval', value: '12 months' }],
      statement:
        'A written incident response plan names the incident lead and deputies, who may decide to disconnect systems, and how to reach IT suppliers, the national CSIRT, the police, the data protection authority and the communication team; it is kept available offline and reviewed at least every {{1}}.',
      guidance:
        'During a ransomware attack e-mail and the intranet may be gone, so keep printed copies and phone numbers. A few pages that people actually read beat a thick manual. Agree in advance with management who may take a service offline.',
      iso: ['5.24', '5.26', '5.5'],
      nist: ['ir-8', 'ir-1'],
    },
    {
      n: 3,
      title: 'NIS2 reporting of significant incidents',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [
        { label: 'deadline of the early warning after becoming aware', value: '24 hours' },
        { label: 'deadline of the incident notification after becoming aware', value: '72 hours' },
        { label: 'deadline of the final report after the notification', value: '1 month' },
      ],
      statement:
        'Significant incidents are reported to the competent CSIRT or authority with an early warning within {{1}} of becoming aware, an incident notification within {{2}}, and a final report within {{3}}; where personal data are breached, the data protection authority is notified as the law requires.',
      items: [
        'The early warning says whether the incident is suspected to be caused by unlawful or malicious acts and whether it could have a cross-border impact.',
        'The notification updates the early warning with an initial assessment of severity and impact and, where available, indicators of compromise.',
        'The final report describes the incident, its severity and impact, the likely root cause and threat type, the mitigation applied and ongoing, and any cross-border impact; if the incident is still ongoing at that time, a progress report is sent instead and the final report follows within one month of the end of its handling.',
      ],
      guidance:
        'The clock starts when the city becomes aware of the incident, not when the investigation ends, so prepare report templates and know the reporting portal. Record the time of awareness in the incident record. Whether a municipality is in scope depends on national law; following these deadlines is good practice even where it is not.',
      iso: ['5.24', '5.26', '5.5'],
      nist: ['ir-6'],
    },
    {
      n: 4,
      title: 'Incident record',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      statement:
        'Every incident is recorded with a timeline, the affected systems, data and services, the decisions taken with their reasons, and the reports made, so that reports to authorities and lessons learned can be derived from it.',
      guidance:
        'Start the record at the first sign, even if it turns out to be a false alarm. One person should keep the log during a major incident while others act. The record also protects the people who had to make quick decisions.',
      iso: ['5.26', '5.28'],
      nist: ['ir-4', 'ir-5'],
    },
    {
      n: 5,
      title: 'Criteria for a significant incident',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'time to assess an incident against the criteria', value: '4 hours' }],
      statement:
        'The city has written criteria for a significant incident, based on the outage duration of critical services, the number of residents affected, personal data involved, financial loss and danger to physical safety, and assesses each incident against them within {{1}} of detection.',
      guidance:
        'Clear thresholds avoid long debates while the reporting clock runs. Take the thresholds used by your national authority as a start. Re-assess as new facts come in; an incident can become significant later.',
      iso: ['5.25'],
      nist: ['ir-4', 'ir-8'],
    },
    {
      n: 6,
      title: 'Playbooks for likely incidents',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      statement: 'Short playbooks describe the first steps, roles and decisions for the incidents a city is most likely to face:',
      items: [
        'ransomware and other destructive malware;',
        'a compromised account, including after a successful phishing attack;',
        'defacement of a city website;',
        'denial-of-service attacks on public services;',
        'leaks of personal data;',
        'manipulation of OT such as traffic signals or road signs.',
      ],
      guidance:
        'A playbook is one or two pages: how to recognise the incident, whom to call, what to isolate, what to preserve, and what to tell the public. Build them from real cases in other cities. Test each playbook in an exercise.',
      iso: ['5.24', '5.26'],
      nist: ['ir-4', 'ir-8'],
    },
    {
      n: 7,
      title: 'Incident exercises',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'exercise interval', value: '12 months' }],
      statement:
        'Incident response is exercised at least every {{1}} with a realistic scenario that includes management and the communication team, and improvements found are tracked to completion.',
      guidance:
        'A two-hour tabletop exercise around a ransomware scenario is a good start. Include the NIS2 reporting deadlines and a press enquiry in the scenario. Invite the key suppliers.',
      iso: ['5.24', '5.27'],
      nist: ['ir-3', 'ir-2'],
    },
    {
      n: 8,
      title: 'Lessons from incidents',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'time to hold the review after closing a significant incident', value: '4 weeks' }],
      statement:
        'Within {{1}} after a significant incident is closed, a review identifies its root causes and the improvements needed, and the improvements are tracked to completion.',
      guidance:
        'Focus the review on causes and conditions, not on blaming people. Small incidents and near misses are worth a short review as well. The findings often feed the final report to the authority.',
      iso: ['5.27'],
      nist: ['ir-4', 'ca-5'],
    },
    {
      n: 9,
      title: 'Crisis communication',
      level: 'standard',
      cia: 'A',
      kinds: 'all',
      statement:
        'Pre-approved message templates and channels exist for informing residents, media, staff and partner organisations during incidents that affect public services, including channels that work when the city website and e-mail are down.',
      guidance:
        'Honest and quick information prevents rumours and helps residents protect themselves, for example against fraud after a data leak. Coordinate with the police before mentioning attackers. Social media accounts need the same protection as the website.',
      iso: ['5.26', '5.29'],
      nist: ['ir-4', 'ir-7'],
    },
    {
      n: 10,
      title: 'Preserved evidence',
      level: 'high',
      cia: 'I',
      kinds: 'all',
      statement:
        'Evidence from incidents, such as logs, disk and memory images and e-mails, is collected and stored so that it remains usable in legal proceedings, with a documented chain of custody.',
      guidance:
        'Reinstalling a system destroys the traces investigators need, so preserve first where possible. Prepare storage and tools in advance. Agree with the police how they want evidence handed over.',
      iso: ['5.28'],
      nist: ['ir-4', 'au-9'],
    },
    {
      n: 11,
      title: 'Expert help on call',
      level: 'high',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'time by which expert help must start', value: '12 hours' }],
      statement:
        'The city has an agreement with an incident response provider, or with the regional or national CSIRT, that guarantees expert help on site or remotely within {{1}} of a call.',
      guidance:
        'Finding a capable responder in the middle of an attack costs days and a high price. Cyber insurance often includes a response provider; check how fast they come. Give the provider the network documentation in advance.',
      iso: ['5.24', '5.6'],
      nist: ['ir-7'],
    },
  ],
};
