import type { GroupDef } from '../types.js';

export const OT_IOT: GroupDef = {
  id: 'cs-ot',
  title: 'Operational technology and IoT',
  overview:
    'Systems that act in the physical city: traffic signals and road signs, smart grids and meters, water and heating, building automation and sensors. Here a failure or manipulation can endanger people, so safety and availability weigh as much as confidentiality.',
  requirements: [
    {
      n: 1,
      title: 'Inventory of OT and IoT devices',
      level: 'basic',
      cia: 'CIA',
      kinds: ['ot-iot'],
      sectors: ['transport', 'energy', 'water', 'smart-city'],
      statement:
        'Every OT and IoT device, such as traffic signal controllers, variable message signs, cameras, meters and their collection systems, water and heating telemetry and building automation, is recorded with its location, firmware version, network address, supplier and responsible owner.',
      guidance:
        'OT is often bought by departments outside IT, and nobody has the full picture. Walk the control rooms with the operators and ask suppliers for their lists. Passive network monitoring can reveal devices that nobody remembered.',
      iso: ['5.9'],
      nist: ['cm-8'],
    },
    {
      n: 2,
      title: 'No OT directly on the internet',
      level: 'basic',
      cia: 'CIA',
      kinds: ['ot-iot', 'network'],
      sectors: ['transport', 'energy', 'water', 'smart-city'],
      params: [{ label: 'interval of the external check for exposed devices', value: 'monthly', high: 'weekly' }],
      statement:
        'OT and IoT devices and their control interfaces are never directly reachable from the internet. The city checks this at least {{1}} by scanning its address ranges from outside or by using a search service for exposed devices.',
      guidance:
        'Search engines for internet-connected devices list exposed controllers of water plants and traffic systems every day, and attackers use them. Mobile-network routers installed by suppliers are a common hidden path. Ask the national CSIRT whether it offers free exposure notifications.',
      iso: ['8.20', '8.22'],
      nist: ['sc-7', 'ra-5'],
    },
    {
      n: 3,
      title: 'Supervised supplier maintenance access',
      level: 'basic',
      cia: 'CI',
      kinds: ['ot-iot'],
      sectors: ['transport', 'energy', 'water'],
      statement:
        'Remote maintenance access by suppliers to OT and IoT systems is off by default, switched on only for an approved maintenance window, uses personal accounts with multi-factor authentication, and every session is logged.',
      guidance:
        'Permanent remote access for convenience is one of the most exploited weaknesses in utilities. A simple approval by the operator on duty, who switches access on and off, is enough. Ask suppliers which of their staff can connect and how they protect their own laptops.',
      iso: ['7.13', '8.5'],
      nist: ['ma-4', 'ac-17'],
    },
    {
      n: 4,
      title: 'Separate OT networks',
      level: 'standard',
      cia: 'CIA',
      kinds: ['ot-iot', 'network'],
      sectors: ['transport', 'energy', 'water', 'smart-city'],
      statement:
        'OT and IoT systems run in network zones separate from the office network and from each other per service, such as traffic, energy, water and buildings. Traffic to other zones passes a controlled boundary and is limited to documented flows.',
      guidance:
        'Most OT incidents begin in the office network and move across a missing boundary. A demilitarised zone between office and OT lets data be shared without direct connections. Reporting and dashboards should pull data from that zone rather than from the controllers.',
      iso: ['8.22'],
      nist: ['sc-7', 'ac-4', 'ac-4.21'],
    },
    {
      n: 5,
      title: 'Firmware kept current and authentic',
      level: 'standard',
      cia: 'I',
      kinds: ['ot-iot'],
      params: [{ label: 'time to assess a security update for OT firmware', value: '30 days' }],
      statement:
        'OT and IoT firmware is kept at a version its supplier supports. Security updates are assessed within {{1}} of release and installed in a planned window after testing, and firmware is taken only from the supplier’s authentic source with its integrity checked.',
      guidance:
        'OT updates often need a site visit or a service interruption, so plan them with the operators. Where an update is not possible, compensate with tighter network rules and record the risk. Ask suppliers to sign their firmware.',
      iso: ['8.8', '8.19'],
      nist: ['si-2', 'si-7', 'cm-14'],
    },
    {
      n: 6,
      title: 'Safety that does not depend on IT',
      level: 'standard',
      cia: 'IA',
      kinds: ['ot-iot'],
      sectors: ['transport', 'energy', 'water'],
      statement:
        'Traffic signal controllers keep independent conflict monitoring that makes conflicting green signals impossible whatever the central system commands, and OT processes that affect physical safety fall back to a defined safe state when communication or control fails.',
      guidance:
        'Safety functions must hold even if the central system is compromised or down. Confirm with suppliers which protections are in hardware and which in software. Test the fallback states during maintenance, not only at installation.',
      iso: ['8.27'],
      nist: ['sc-24', 'si-17'],
    },
    {
      n: 7,
      title: 'Protected road signs and public displays',
      level: 'standard',
      cia: 'I',
      kinds: ['ot-iot'],
      sectors: ['transport', 'public-safety'],
      params: [{ label: 'maximum time to blank or override a manipulated sign', value: '30 minutes' }],
      statement:
        'Messages on variable road signs, public information displays and public-address systems can be changed only by authenticated operators through the central system, every change is logged, and operators can blank or override any sign within {{1}}.',
      guidance:
        'Manipulated road signs are a favourite of pranksters and can cause real danger. Local service interfaces on the sign itself need protection as well. Agree with the police and road operators how a manipulation is reported and handled.',
      iso: ['8.5', '8.15'],
      nist: ['ac-3', 'au-2'],
    },
    {
      n: 8,
      title: 'Security in OT and IoT procurement',
      level: 'standard',
      cia: 'CIA',
      kinds: ['ot-iot'],
      params: [{ label: 'minimum period of security updates', value: '10 years' }],
      statement:
        'Contracts for OT and IoT systems require security updates for at least {{1}} or the planned life of the device, no hard-coded or shared passwords, documented network interfaces, logging, a way to report vulnerabilities to the supplier, and the city’s right to test security.',
      guidance:
        'Traffic and utility equipment runs for decades, far longer than typical IT. Ask for the supplier’s vulnerability handling process and past advisories. The requirements of the EU Cyber Resilience Act help, but check them in the contract.',
      iso: ['5.20', '5.21'],
      nist: ['sa-4', 'sr-5'],
    },
    {
      n: 9,
      title: 'Privacy of smart meter and sensor data',
      level: 'high',
      cia: 'C',
      kinds: ['ot-iot', 'database'],
      sectors: ['energy', 'water', 'smart-city'],
      params: [{ label: 'default reading resolution', value: 'daily readings' }],
      statement:
        'Consumption data from electricity, heat and water meters and data from sensors that can relate to people are treated as personal data: they are collected at {{1}} unless the purpose or the customer requires finer data, encrypted on their way from the device, and accessible only to the roles that need them.',
      guidance:
        'Fine-grained consumption curves show when people are at home, asleep or away. Collect fine data only when a clear purpose exists. Make the chosen resolution part of the impact assessment and of the information to customers.',
      iso: ['5.34', '8.24'],
      nist: ['pt-3', 'sc-8', 'sc-42'],
    },
    {
      n: 10,
      title: 'Monitoring of OT networks',
      level: 'high',
      cia: 'IA',
      kinds: ['ot-iot', 'network'],
      sectors: ['transport', 'energy', 'water'],
      statement:
        'Network traffic in OT zones is monitored against the documented normal flows, and unknown devices, new connections and program or configuration downloads to controllers alert the operators.',
      guidance:
        'OT traffic is regular, so deviations stand out well. Passive monitoring does not disturb the process. Agree who looks at the alerts at night and how the operators are reached.',
      iso: ['8.16'],
      nist: ['si-4', 'si-4.4'],
    },
    {
      n: 11,
      title: 'Isolated and manual operation',
      level: 'high',
      cia: 'A',
      kinds: ['ot-iot'],
      sectors: ['water', 'energy', 'transport'],
      params: [{ label: 'duration of isolated or manual operation', value: '72 hours' }],
      statement:
        'Critical OT processes such as water treatment and pumping, district heating and traffic control can be cut off from all outside networks and operated locally or manually for at least {{1}}; this is exercised at least once a year.',
      guidance:
        'When the office network is hit by ransomware, the safest move is often to disconnect OT; that must not stop the water. Document who decides on disconnection and how. Keep paper procedures and enough trained staff for manual operation.',
      iso: ['5.29', '5.30'],
      nist: ['cp-2', 'cp-12'],
    },
    {
      n: 12,
      title: 'Backups and integrity checks of controller programs',
      level: 'high',
      cia: 'IA',
      kinds: ['ot-iot'],
      statement:
        'Configurations and logic programs of controllers, traffic control systems and supervisory servers are backed up after every change, stored offline, and regularly compared with the running versions to detect unauthorised changes.',
      guidance:
        'Without a known good copy, restoring a manipulated controller can take weeks. Many engineering tools can compare a running program with a stored one. Keep the engineering workstations themselves under strict control.',
      iso: ['8.13', '8.9'],
      nist: ['cp-9', 'cm-2', 'si-7.1'],
    },
    {
      n: 13,
      title: 'Protected field communication',
      level: 'high',
      cia: 'CI',
      kinds: ['ot-iot', 'network'],
      sectors: ['transport', 'energy', 'water', 'smart-city'],
      statement:
        'Communication between field devices and central systems over public or radio networks, such as mobile networks, LPWAN and radio links, is authenticated and encrypted; devices that cannot do this communicate only through a private mobile network or an encrypted tunnel.',
      guidance:
        'Many older OT protocols have no authentication, so anyone on the path can send commands. Private mobile-network access from the operator is a cheap step up. Plan replacement of devices that cannot be protected.',
      iso: ['8.20', '8.24'],
      nist: ['sc-8', 'sc-40'],
    },
  ],
};
