import type { GroupDef } from '../types.js';

export const CONTINUITY: GroupDef = {
  id: 'cs-bcm',
  title: 'Business continuity and disaster recovery',
  overview:
    'Keeping essential city services running, or restoring them quickly, when systems, buildings, suppliers or power fail, whether through attack, accident or nature.',
  requirements: [
    {
      n: 1,
      title: 'Critical services and recovery objectives',
      level: 'basic',
      cia: 'A',
      kinds: 'all',
      statement:
        'The city lists its critical services, such as water supply, traffic control, payment of social benefits and information to residents in emergencies, and for each agrees with the service owner the longest tolerable outage and the largest tolerable loss of data.',
      guidance:
        'Ask service owners what happens after one hour, one day and one week without the system. The answers set the recovery priorities and the backup frequency. Record which systems, suppliers and staff each service depends on.',
      iso: ['5.30'],
      nist: ['cp-2', 'ra-9'],
    },
    {
      n: 2,
      title: 'Continuity plans',
      level: 'basic',
      cia: 'A',
      kinds: 'all',
      params: [{ label: 'plan review interval', value: '12 months' }],
      statement:
        'Each critical service has a continuity plan with manual workarounds, contact lists, priorities and recovery steps; the plan is available offline and reviewed at least every {{1}}.',
      guidance:
        'Paper forms and phone lists let many services continue for days without IT. Keep the plans where people will look for them in a crisis, including at home for key staff. Update contacts whenever people change roles.',
      iso: ['5.29', '5.30'],
      nist: ['cp-2'],
    },
    {
      n: 3,
      title: 'Documented restoration of systems',
      level: 'basic',
      cia: 'A',
      kinds: 'all',
      statement:
        'Each critical system has restoration instructions that say where backups, licences, keys, installation media and supplier contacts are, are kept with the continuity plan, and can be followed by a second person.',
      guidance:
        'Knowledge in one administrator’s head is lost when that person is ill or on holiday. Have a colleague test the instructions once. Keep copies of encryption keys and passwords for recovery in a safe place outside the systems they unlock.',
      iso: ['5.30', '5.37'],
      nist: ['cp-10', 'sa-5'],
    },
    {
      n: 4,
      title: 'Recovery within the agreed time',
      level: 'standard',
      cia: 'A',
      kinds: 'all',
      params: [
        { label: 'default recovery time objective for critical systems', value: '24 hours' },
        { label: 'recovery test interval', value: '12 months' },
      ],
      statement:
        'Critical systems can be restored within their recovery time objective, which is {{1}} unless the service owner agrees another, and this is shown by a recovery test at least every {{2}}.',
      guidance:
        'Restore tests often show that recovery takes far longer than hoped, especially when many systems need restoring at once. Test the order of recovery as well: identity, network and database services come first. Adjust objectives or investments according to the results.',
      iso: ['5.30', '8.13'],
      nist: ['cp-4', 'cp-10'],
    },
    {
      n: 5,
      title: 'Emergency power',
      level: 'standard',
      cia: 'A',
      kinds: ['building', 'network', 'ot-iot'],
      params: [
        { label: 'minimum operation on emergency power', value: '24 hours', high: '72 hours' },
        { label: 'test interval of emergency power', value: '6 months' },
      ],
      statement:
        'Data centres, critical control rooms and the network equipment they need have uninterruptible power and a generator, or an agreed mobile generator, for at least {{1}} of operation, and the emergency power is tested under load at least every {{2}}.',
      guidance:
        'Check the fuel supply and who refuels during a wider power cut. Remember network nodes and cooling, not only the servers. Coordinate with the civil protection plan of the city.',
      iso: ['7.11'],
      nist: ['pe-11', 'pe-9'],
    },
    {
      n: 6,
      title: 'Alternative communication',
      level: 'standard',
      cia: 'A',
      kinds: 'all',
      statement:
        'Alternative ways of communicating, such as a telephone tree, mobile phones on another network, radio or satellite phones, are available to crisis staff and key partners when the city network, telephony and e-mail fail, and staff know how to use them.',
      guidance:
        'Many cities already have radio equipment for civil protection; include IT crisis staff. Keep a printed contact list of crisis staff, suppliers and authorities. Try the channels during exercises.',
      iso: ['5.29'],
      nist: ['cp-8'],
    },
    {
      n: 7,
      title: 'Alternate site',
      level: 'high',
      cia: 'A',
      kinds: ['application', 'database', 'network', 'building'],
      params: [
        {
          label: 'location requirement for the alternate site',
          value: 'in another building not exposed to the same flood, fire and power risks',
        },
      ],
      statement:
        'Critical systems can be run from an alternate site located {{1}}, with replicated data and a switchover that has been tested.',
      guidance:
        'Regional IT providers and neighbouring cities can host each other’s recovery systems. Replication is not backup: a deletion or encryption is copied too. Test a real switchover, not only the replication status.',
      iso: ['8.14', '5.30'],
      nist: ['cp-7', 'cp-6'],
    },
    {
      n: 8,
      title: 'Joint exercises with partners',
      level: 'high',
      cia: 'A',
      kinds: 'all',
      params: [{ label: 'joint exercise interval', value: '2 years' }],
      statement:
        'At least every {{1}}, the city exercises the loss of a critical service together with emergency services, utilities and key suppliers, and tracks the improvements found.',
      guidance:
        'Dependencies between organisations are where plans fail. Use a scenario such as a long power cut combined with a cyber attack. The regional crisis management body can often host the exercise.',
      iso: ['5.29', '5.30'],
      nist: ['cp-4', 'cp-2.1'],
    },
    {
      n: 9,
      title: 'Backups that survive a domain compromise',
      level: 'high',
      cia: 'IA',
      kinds: 'all',
      params: [{ label: 'immutability period of backups', value: '30 days' }],
      statement:
        'Backups of critical systems are immutable for at least {{1}} and are managed with accounts and systems separate from the city’s normal identity service, so that an attacker with domain administrator rights cannot delete them; recovery of the identity service itself is rehearsed.',
      guidance:
        'Attackers who take over the central directory usually go for the backups next. A separate backup domain or a provider-managed immutable store closes this path. Rebuilding the directory is often the slowest step in recovery, so practise it.',
      iso: ['8.13'],
      nist: ['cp-9', 'cp-10'],
    },
  ],
};
