import type { GroupDef } from '../types.js';

export const INFRASTRUCTURE: GroupDef = {
  id: 'cs-inf',
  title: 'Infrastructure and network',
  overview:
    'The servers, networks and name services that every city service runs on: boundaries to the internet, remote access, wireless networks, segmentation, configuration and change, time and capacity.',
  requirements: [
    {
      n: 1,
      title: 'Firewall at the internet boundary',
      level: 'basic',
      cia: 'CIA',
      kinds: ['network'],
      params: [{ label: 'firewall rule review interval', value: '12 months', standard: '6 months' }],
      statement:
        'Every connection between city networks and the internet passes through a firewall that blocks all incoming traffic except to services that are approved and documented. The rules are reviewed at least every {{1}} and unneeded rules are removed.',
      guidance:
        'Rule sets grow over the years and nobody remembers why a port is open; record an owner and reason for every rule. An external scan of your address ranges shows what is really exposed. Include outgoing rules for servers, which rarely need to reach arbitrary internet addresses.',
      iso: ['8.20', '8.21'],
      nist: ['sc-7', 'sc-7.5'],
    },
    {
      n: 2,
      title: 'Hardened configuration',
      level: 'basic',
      cia: 'CI',
      kinds: ['network', 'application', 'database', 'cloud-service'],
      statement:
        'Servers, network devices, databases and cloud services are set up from a documented hardening baseline: unneeded services and accounts are removed, insecure protocols are switched off and logging is switched on. Deviations from the baseline are recorded with a reason.',
      guidance:
        'Public hardening guides and vendor baselines are a good starting point; adapt them once and reuse them. Use templates or configuration scripts so that each new server starts hardened. Compare running systems with the baseline now and then to spot drift.',
      iso: ['8.9'],
      nist: ['cm-2', 'cm-6', 'cm-7'],
    },
    {
      n: 3,
      title: 'Separated wireless networks',
      level: 'basic',
      cia: 'C',
      kinds: ['network'],
      statement:
        'Staff, guest and device wireless networks are separate. Guest and public Wi-Fi, for example in libraries and on squares, has no route into the administration network, and staff Wi-Fi uses WPA2-Enterprise or WPA3.',
      guidance:
        'A shared Wi-Fi password written on a meeting-room whiteboard soon reaches the whole town. Use individual or certificate-based login for staff networks. Public Wi-Fi should be treated like the internet from the city network’s point of view.',
      iso: ['8.20', '8.22'],
      nist: ['ac-18', 'ac-18.1'],
    },
    {
      n: 4,
      title: 'Controlled remote access',
      level: 'basic',
      cia: 'CI',
      kinds: ['network'],
      statement:
        'Remote access to internal systems by staff and suppliers is possible only through the city’s remote-access service with multi-factor authentication. Remote desktop, file sharing and database ports are never exposed directly to the internet.',
      guidance:
        'Exposed remote desktop services are among the most common entry points for ransomware. Keep the remote-access gateway itself patched quickly, because its weaknesses are exploited within days. Log every session, including its source address.',
      iso: ['6.7', '8.20'],
      nist: ['ac-17', 'ac-17.2', 'ac-17.3'],
    },
    {
      n: 5,
      title: 'Protected domains and e-mail sender authentication',
      level: 'basic',
      cia: 'IA',
      kinds: ['network', 'website'],
      params: [{ label: 'DMARC policy', value: 'p=quarantine', high: 'p=reject' }],
      statement:
        'City domain names are renewed automatically and locked against unauthorised transfer where the registry allows it. E-mail domains publish SPF, DKIM and a DMARC policy of at least {{1}}, also for domains that send no mail.',
      guidance:
        'Lost or hijacked domains let criminals impersonate the city convincingly to residents. Keep the registrar account under multi-factor authentication and with more than one administrator. Start DMARC in monitoring mode, fix the legitimate senders, then tighten the policy.',
      iso: ['8.20', '8.21'],
      nist: ['sc-20', 'si-8'],
    },
    {
      n: 6,
      title: 'Network zones',
      level: 'standard',
      cia: 'CIA',
      kinds: ['network'],
      statement:
        'The city network is divided into zones with at least separate zones for user workstations, servers, IT administration, guests, and OT and IoT devices. Traffic between zones is limited to flows that are documented as needed.',
      guidance:
        'Flat networks let one infected laptop reach every server and controller. Begin with the zones that protect the most, such as backups, administration and OT. Document each permitted flow with the systems it serves, so that rules can be retired with the systems.',
      iso: ['8.22'],
      nist: ['sc-7', 'ac-4'],
    },
    {
      n: 7,
      title: 'Change management',
      level: 'standard',
      cia: 'IA',
      kinds: ['network', 'application', 'database', 'cloud-service'],
      params: [{ label: 'time to record an emergency change afterwards', value: '2 working days' }],
      statement:
        'Changes to servers, network devices and cloud configurations are planned, assessed for their effect on security and availability, approved and recorded before they are made. Emergency changes are recorded and reviewed within {{1}} afterwards.',
      guidance:
        'A light process works for small teams: a ticket, a second pair of eyes and a fallback plan. Schedule risky changes outside peak hours of the services concerned. Configuration backups before each change make rollback quick.',
      iso: ['8.32'],
      nist: ['cm-3', 'cm-4'],
    },
    {
      n: 8,
      title: 'Synchronised clocks',
      level: 'standard',
      cia: 'I',
      kinds: 'all',
      params: [{ label: 'approved time sources', value: 'the city’s internal time servers synchronised with a national time service' }],
      statement:
        'Servers, network devices, OT components and cloud services synchronise their clocks with {{1}}, so that logs from different systems can be put in one timeline.',
      guidance:
        'Investigations and reports to authorities depend on knowing when each event happened. Check devices that are easily forgotten, such as cameras and building controllers. Record the time zone used by each log source.',
      iso: ['8.17'],
      nist: ['au-8', 'sc-45'],
    },
    {
      n: 9,
      title: 'Capacity monitoring',
      level: 'high',
      cia: 'A',
      kinds: ['network', 'application', 'database', 'cloud-service'],
      params: [{ label: 'utilisation that raises an alert', value: '80%' }],
      statement:
        'Storage, network bandwidth and computing capacity of critical systems are monitored, and an alert is raised at {{1}} utilisation so that expansion is planned before services fail.',
      guidance:
        'Full disks are a classic cause of stopped logging and failed backups, which are noticed only when needed. Review trends before seasonal peaks, such as tax deadlines or school enrolment. Include licence limits of cloud services in the view.',
      iso: ['8.6'],
      nist: ['cp-2.2', 'au-4'],
    },
    {
      n: 10,
      title: 'Redundant connections for critical sites',
      level: 'high',
      cia: 'A',
      kinds: ['network', 'building'],
      sectors: ['transport', 'energy', 'water', 'public-safety'],
      params: [{ label: 'failover test interval', value: '12 months' }],
      statement:
        'Critical sites, such as the data centre and the control rooms of traffic, energy and water services, have two independent network connections and redundant core network components, and the failover is tested at least every {{1}}.',
      guidance:
        'Independent means different providers or at least different physical routes; two lines in the same trench fail together. Test during a planned window with the service owners present. Document which services survive the loss of each connection.',
      iso: ['8.14'],
      nist: ['cp-8', 'sc-7.4'],
    },
    {
      n: 11,
      title: 'Separate administration network',
      level: 'high',
      cia: 'CI',
      kinds: ['network'],
      statement:
        'Servers, network devices and security systems are administered only from dedicated administration workstations or jump hosts in a separate administration zone; their management interfaces are not reachable from user or guest zones.',
      guidance:
        'Administrators who browse the web and administer servers from the same machine give attackers a direct path to the crown jewels. A few hardened jump hosts are enough for a small team. Record all sessions through them.',
      iso: ['8.22', '8.2'],
      nist: ['sc-7', 'ac-6', 'sc-7.21'],
    },
    {
      n: 12,
      title: 'Only known devices on the network',
      level: 'high',
      cia: 'CI',
      kinds: ['network', 'building'],
      statement:
        'Only registered devices can connect to wired and wireless city networks; unknown devices are placed in an isolated zone or refused, for example by port-based network access control.',
      guidance:
        'Network sockets in meeting rooms, libraries and service centres are open to visitors. Start by alerting on unknown devices, then enforce. Printers and building devices that cannot authenticate can be recognised by other means and put in their own zone.',
      iso: ['8.20'],
      nist: ['ia-3', 'cm-7.9'],
    },
  ],
};
