import type { GroupDef } from '../types.js';

export const HARDWARE: GroupDef = {
  id: 'cs-hwe',
  title: 'Hardware and endpoints',
  overview:
    'Computers, phones, tablets, servers and storage media, and the rooms that house them: inventory, malware protection, encryption, updates, physical protection and safe disposal.',
  requirements: [
    {
      n: 1,
      title: 'Hardware inventory',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'inventory reconciliation interval', value: '12 months' }],
      statement:
        'Computers, servers, network and OT devices, phones and tablets are recorded in an inventory with their responsible person, location and end of support. The inventory is compared with what is actually found on the network and in the rooms at least every {{1}}.',
      guidance:
        'Use the management tools you already have, such as device management, network scans and purchase records, rather than counting by hand. Devices found on the network but missing from the inventory deserve a closer look. The inventory is also the basis for licence, budget and replacement planning.',
      iso: ['5.9', '5.11'],
      nist: ['cm-8', 'cm-8.1'],
    },
    {
      n: 2,
      title: 'Malware protection',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      statement:
        'Workstations and servers run centrally managed, current malware protection, and its alerts reach the IT team. E-mail attachments and downloads are scanned before users can open them.',
      guidance:
        'Modern endpoint protection also detects suspicious behaviour, such as mass encryption of files, not only known malware. Check the management console for devices that have stopped reporting. Block macros in office documents that come from the internet.',
      iso: ['8.7'],
      nist: ['si-3', 'si-8'],
    },
    {
      n: 3,
      title: 'Encrypted and managed mobile devices',
      level: 'basic',
      cia: 'C',
      kinds: 'all',
      statement:
        'Laptops, tablets and phones that hold or reach city data are enrolled in device management, encrypted, locked with a PIN or biometrics, and can be locked or wiped remotely. Staff report a lost or stolen device immediately.',
      guidance:
        'A lost laptop with an encrypted disk is an inconvenience; without encryption it may be a reportable data breach. Make reporting easy and blame-free so that losses are reported within hours. Personal devices should reach city e-mail only through a managed app that keeps work data separate.',
      iso: ['8.1', '7.9', '6.7'],
      nist: ['ac-19', 'sc-28'],
    },
    {
      n: 4,
      title: 'No administrator rights for everyday users',
      level: 'basic',
      cia: 'I',
      kinds: 'all',
      statement:
        'Staff work without local administrator rights on their devices and can install only software approved by IT, for example from a company portal.',
      guidance:
        'Removing local administrator rights stops a large share of malware and unwanted tools at once. Offer a self-service catalogue of approved programs so that people do not have to wait for IT. Grant temporary rights for exceptions and record them.',
      iso: ['8.19', '8.2'],
      nist: ['cm-11', 'ac-6'],
    },
    {
      n: 5,
      title: 'Enforced updates on endpoints',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'maximum time a device may miss updates before it is blocked', value: '30 days', high: '14 days' }],
      statement:
        'Operating systems and applications on endpoints are updated automatically and the update state is reported centrally. Devices that have missed updates for more than {{1}} lose access to city systems until they are updated.',
      guidance:
        'Devices that are rarely switched on, such as spare laptops and meeting-room computers, are often years behind. Conditional access in the identity service can block outdated devices automatically. Tell users in advance so that the block comes as no surprise.',
      iso: ['8.1', '8.8'],
      nist: ['si-2', 'si-2.2', 'cm-6'],
    },
    {
      n: 6,
      title: 'Safe disposal and reuse of devices and media',
      level: 'standard',
      cia: 'C',
      kinds: 'all',
      statement:
        'Before devices or storage media are reused, returned from lease, sent for external repair or disposed of, their data are erased with a verified method or the storage is physically destroyed, and a record of each device is kept.',
      guidance:
        'Old disks from city computers and copiers keep turning up on second-hand markets with citizens’ data. Use a certified disposal company and ask for a certificate per serial number. Copiers, phones and network devices hold data too.',
      iso: ['7.14', '7.10', '8.10'],
      nist: ['mp-6', 'sr-12'],
    },
    {
      n: 7,
      title: 'Physical protection of server rooms and cabinets',
      level: 'standard',
      cia: 'CIA',
      kinds: ['building', 'network'],
      params: [{ label: 'minimum battery time of the uninterruptible power supply', value: '30 minutes' }],
      statement:
        'Server rooms, network cabinets and OT control cabinets are locked, access is limited to named people and recorded, and server rooms have fire detection, climate control and an uninterruptible power supply lasting at least {{1}}.',
      guidance:
        'In smaller town halls the server often stands in a storage room with cleaning supplies and water pipes. Move it, or at least lock it and add temperature and water sensors. Street cabinets for traffic and network equipment need sturdy locks and door alarms.',
      iso: ['7.1', '7.2', '7.5', '7.11'],
      nist: ['pe-3', 'pe-11', 'pe-13', 'pe-14'],
    },
    {
      n: 8,
      title: 'Screen lock and clear desk',
      level: 'standard',
      cia: 'C',
      kinds: ['building'],
      statement:
        'In offices and service points open to the public, screens face away from visitors, unattended workstations are locked, and papers with personal or confidential data are not left on desks or printers.',
      guidance:
        'Service desks, social-service offices and shared workspaces see many visitors. Pull printing with a badge stops documents from lying in the printer tray. Quick walk-rounds after hours show whether the rule works.',
      iso: ['7.7', '7.3'],
      nist: ['ac-11', 'pe-5'],
    },
    {
      n: 9,
      title: 'Allow-listed software on critical workstations',
      level: 'high',
      cia: 'I',
      kinds: ['ot-iot', 'application'],
      sectors: ['transport', 'energy', 'water', 'finance'],
      statement:
        'Workstations and servers that steer critical services, such as traffic, water and energy control rooms and payment workstations, run only applications on an approved list; everything else is blocked from executing.',
      guidance:
        'These machines have a small, stable set of programs, which makes allow-listing practical. Run in audit mode for a few weeks to build the list before enforcing. Update the list as part of the change process.',
      iso: ['8.19', '8.7'],
      nist: ['cm-7.5', 'cm-7'],
    },
    {
      n: 10,
      title: 'Escorted visitors in critical rooms',
      level: 'high',
      cia: 'CIA',
      kinds: ['building'],
      params: [{ label: 'retention of visitor records', value: '12 months' }],
      statement:
        'Visitors and contractors in server rooms, control rooms and OT cabinets are registered and escorted at all times; visit records are kept for {{1}}, and critical rooms are watched by intrusion alarms or cameras.',
      guidance:
        'Maintenance staff and cleaners have legitimate reasons to enter; what matters is that each visit is known and supervised. Review the list of key and badge holders when you review access rights. Cameras in rooms where staff work need a data protection check.',
      iso: ['7.2', '7.4', '7.6'],
      nist: ['pe-8', 'pe-6'],
    },
    {
      n: 11,
      title: 'Controlled removable media',
      level: 'high',
      cia: 'CI',
      kinds: 'all',
      params: [{ label: 'condition for using removable storage', value: 'the medium is issued and encrypted by the city' }],
      statement:
        'Removable storage such as USB sticks and external disks can be used only if {{1}}; other media are blocked, and automatic running of content from any medium is switched off.',
      guidance:
        'USB sticks still carry malware into isolated control systems and carry data out. Offer a simple alternative, such as a secure file transfer service, for the legitimate needs. Keep a kiosk for scanning media that must enter OT areas.',
      iso: ['7.10'],
      nist: ['mp-7', 'sc-41'],
    },
  ],
};
