import type { GroupDef } from '../types.js';

export const LOGGING: GroupDef = {
  id: 'cs-log',
  title: 'Logging and monitoring',
  overview:
    'Recording what happens in city systems and watching for signs of attack or failure, so that incidents are noticed early and can be investigated afterwards.',
  requirements: [
    {
      n: 1,
      title: 'Security events are logged',
      level: 'basic',
      cia: 'I',
      kinds: 'all',
      statement:
        'Systems log at least successful and failed logins, changes of accounts and rights, administrative actions and security-relevant errors, each with time, user or process, and source.',
      guidance:
        'Many systems log these events but with logging switched off or overwritten after a few days by default. Check this when a system is installed and write it into procurement. Logs are only useful if they can be found, so record where each system keeps them.',
      iso: ['8.15'],
      nist: ['au-2', 'au-3', 'au-12'],
    },
    {
      n: 2,
      title: 'Log retention and protection',
      level: 'basic',
      cia: 'I',
      kinds: 'all',
      params: [{ label: 'retention of security logs', value: '6 months', standard: '12 months', high: '24 months' }],
      statement:
        'Security logs are kept for at least {{1}} and are protected against change and deletion by the administrators of the logged system.',
      guidance:
        'Intrusions are often discovered months after they started, and then the logs of the first days are what matters. Logs with personal data need a retention limit too, so choose the period consciously. Forwarding logs to a separate store is the simplest protection.',
      iso: ['8.15'],
      nist: ['au-11', 'au-9'],
    },
    {
      n: 3,
      title: 'Critical alerts reach a person',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'maximum time to act on a critical alert during working hours', value: '4 hours' }],
      statement:
        'Alerts from malware protection, firewalls, backups and cloud services, such as a new administrator, mass deletion, a failed backup or detected malware, reach a named person or team who acts on them within {{1}} during working hours.',
      guidance:
        'Alerts sent to an unread mailbox are the same as no alerts. Name a deputy for holidays. Reduce noise so that important alerts are not drowned; a few well-chosen alerts beat hundreds of ignored ones.',
      iso: ['8.16'],
      nist: ['si-4', 'au-6'],
    },
    {
      n: 4,
      title: 'Central log collection',
      level: 'standard',
      cia: 'I',
      kinds: 'all',
      statement:
        'Logs of servers, network and security devices, identity services, cloud services and internet-facing applications are collected centrally in a system that the administrators of the source systems cannot alter.',
      guidance:
        'A central store lets you follow an attacker across systems and keeps logs out of reach of someone who took over a server. Shared-service centres and regional providers often offer this as a service. Start with identity, firewall, remote access and e-mail logs.',
      iso: ['8.15'],
      nist: ['au-6.3', 'au-9.2'],
    },
    {
      n: 5,
      title: 'Regular log analysis',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'log review interval', value: 'weekly', high: 'daily' }],
      statement:
        'Security logs are reviewed at least {{1}}, supported by automated rules that recognise typical attack patterns such as password spraying, logins from unusual places, and new privileged rights.',
      guidance:
        'Write down what was reviewed and what was found, even when nothing was found. Reuse detection rules published by vendors and the security community. Tune rules after each false alarm so the review stays quick.',
      iso: ['8.16', '8.15'],
      nist: ['au-6', 'au-6.1'],
    },
    {
      n: 6,
      title: 'Monitoring of public services from outside',
      level: 'standard',
      cia: 'A',
      kinds: ['website', 'application', 'cloud-service'],
      params: [{ label: 'check interval', value: '5 minutes', high: '1 minute' }],
      statement:
        'The availability and response time of public websites and e-services are checked from outside the city network at least every {{1}}, certificate expiry is tracked, and outages alert the person on duty.',
      guidance:
        'Residents notice an outage before IT does unless someone is watching. Slow responses can be the first sign of an overload attack. Publish a status page so the service desk can answer questions quickly.',
      iso: ['8.16', '8.6'],
      nist: ['si-4', 'ca-7'],
    },
    {
      n: 7,
      title: 'Threat warnings are followed',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'time to assess a relevant warning', value: '2 working days' }],
      statement:
        'The security team receives warnings from the national CSIRT, sector bodies and the suppliers of its main systems, assesses each relevant warning within {{1}}, and records the action taken.',
      guidance:
        'Join the information-sharing groups for municipalities or your sector; others’ incidents are your early warning. Route the feeds into one place instead of personal mailboxes. Share what you learn back with peer cities.',
      iso: ['5.7', '5.6'],
      nist: ['si-5', 'pm-16'],
    },
    {
      n: 8,
      title: 'Round-the-clock monitoring',
      level: 'high',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'response time to critical alerts', value: '1 hour' }],
      statement:
        'Security events of critical systems are monitored around the clock by the city’s own or a contracted security operations centre, which responds to critical alerts within {{1}} at any time.',
      guidance:
        'Ransomware is typically launched at night or at weekends, when nobody is watching. Small cities can share a security operations centre through their regional IT provider or association. Agree what the centre may do on its own, such as isolating a device.',
      iso: ['8.16'],
      nist: ['si-4', 'si-4.2'],
    },
    {
      n: 9,
      title: 'Detection on the network and on endpoints',
      level: 'high',
      cia: 'CIA',
      kinds: ['network', 'application'],
      statement:
        'Traffic at the internet boundary and between critical zones is inspected by intrusion detection, and servers and workstations run endpoint detection and response, both feeding the central monitoring.',
      guidance:
        'Network and endpoint views complement each other: one sees the traffic, the other what a program did. Make sure encrypted traffic to management interfaces is still visible somewhere. Review the detection coverage after each major change.',
      iso: ['8.16', '8.20'],
      nist: ['si-4', 'si-4.4', 'si-4.23'],
    },
    {
      n: 10,
      title: 'Tamper-evident logs',
      level: 'high',
      cia: 'I',
      kinds: 'all',
      params: [{ label: 'integrity check interval', value: 'monthly' }],
      statement:
        'Logs of privileged actions and of access to special categories of personal data are protected so that tampering can be detected, for example by hash chaining or write-once storage, and their integrity is checked at least {{1}}.',
      guidance:
        'Tamper evidence makes logs credible as evidence towards auditors, courts and residents. Many log platforms offer signing or immutable storage. Test that a changed entry is actually detected.',
      iso: ['8.15'],
      nist: ['au-9', 'au-10'],
    },
  ],
};
