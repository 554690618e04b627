import type { GroupDef } from '../types.js';

export const DATA: GroupDef = {
  id: 'cs-dat',
  title: 'Data security',
  overview:
    'Protection of the information a city holds about its residents and its own operations: personal data including health, social-welfare and children’s data, backups, encryption, retention and deletion.',
  requirements: [
    {
      n: 1,
      title: 'Known personal data in every system',
      level: 'basic',
      cia: 'C',
      kinds: ['application', 'database', 'cloud-service', 'website'],
      statement:
        'For every system the register records which categories of personal data it holds, including special categories such as health data and data about children, the purpose and legal basis of the processing, and the retention period. The system owner keeps this information current.',
      guidance:
        'Nobody can protect or delete data they do not know about. Build the list together with the data protection officer and reuse it for the record of processing activities. Ask about copies as well: exports in spreadsheets and old test databases often hold the same data.',
      iso: ['5.9', '5.34'],
      nist: ['cm-12', 'pt-2', 'pt-3'],
    },
    {
      n: 2,
      title: 'Backups with an offline or immutable copy',
      level: 'basic',
      cia: 'IA',
      kinds: 'all',
      params: [
        { label: 'backup frequency', value: 'daily' },
        { label: 'backup retention', value: '30 days', standard: '90 days' },
      ],
      statement:
        'Data and configurations of every system are backed up at least {{1}} and kept for {{2}}. At least one copy is offline or immutable and cannot be changed or deleted with the administrator accounts of the production systems.',
      guidance:
        'Ransomware gangs delete or encrypt reachable backups before they strike, so the separate copy is what saves the city. Cloud services need backups too: check what the provider keeps and for how long. Include configurations of network devices, firewalls and OT controllers, not only files and databases.',
      iso: ['8.13'],
      nist: ['cp-9', 'cp-9.3'],
    },
    {
      n: 3,
      title: 'Tested restoration',
      level: 'basic',
      cia: 'IA',
      kinds: 'all',
      params: [{ label: 'restore test interval per critical system', value: '6 months', high: '3 months' }],
      statement:
        'Restoring each critical system from backup is tested at least every {{1}}; the time taken, the age of the restored data and any problems are recorded and problems are fixed.',
      guidance:
        'A backup that has never been restored is only a hope. Restore into an isolated environment and let the system owner confirm that the data are complete and usable. The measured restore time tells the continuity planners what recovery time is realistic.',
      iso: ['8.13'],
      nist: ['cp-9.1', 'cp-4'],
    },
    {
      n: 4,
      title: 'Encryption of data in transit',
      level: 'basic',
      cia: 'CI',
      kinds: 'all',
      statement:
        'Personal and confidential data are encrypted whenever they travel over networks the city does not control: connections use current TLS or an encrypted tunnel, and files sent to external parties are sent through a secure transfer service or as encrypted archives, with the password passed on by another channel.',
      guidance:
        'Old interfaces between registers and suppliers sometimes still use plain FTP or unencrypted e-mail; find them and replace them. The secure file exchange service of the national administration, if one exists, is a good default. Never send the archive and its password in the same message.',
      iso: ['5.14', '8.24'],
      nist: ['sc-8', 'sc-8.1'],
    },
    {
      n: 5,
      title: 'Information classes and handling rules',
      level: 'standard',
      cia: 'C',
      kinds: 'all',
      params: [{ label: 'information classes', value: 'public, internal, confidential, strictly confidential' }],
      statement:
        'The city uses the information classes {{1}}, with written rules for storing, sending, printing, sharing and destroying information of each class. Documents and data sets above the lowest class are marked with their class.',
      guidance:
        'Keep the scheme short: four classes are usually enough, and the rules per class fit on one page. Let office software apply the marking and offer the class when a document is saved. Explain to staff that public-access laws still apply and that marking does not make a document secret by itself.',
      iso: ['5.12', '5.13'],
      nist: ['ra-2', 'mp-3'],
    },
    {
      n: 6,
      title: 'Encryption of stored sensitive data',
      level: 'standard',
      cia: 'C',
      kinds: ['database', 'application', 'cloud-service'],
      params: [{ label: 'minimum encryption strength for stored data', value: 'AES with 256-bit keys or an equivalent current algorithm' }],
      statement:
        'Databases, file shares, backups and cloud storage that hold special categories of personal data or confidential information are encrypted at rest with {{1}}, and the keys are kept apart from the data they protect.',
      guidance:
        'Disk and database encryption protects against stolen disks, lost backups and careless disposal, not against a logged-in attacker, so it complements access control. Most databases and cloud stores offer it as a setting. Record where the keys are and who can reach them.',
      iso: ['8.24'],
      nist: ['sc-28', 'sc-28.1', 'cp-9.8'],
    },
    {
      n: 7,
      title: 'Retention and deletion of personal data',
      level: 'standard',
      cia: 'C',
      kinds: ['application', 'database', 'cloud-service', 'website'],
      params: [{ label: 'interval of the deletion run where deletion is not automatic', value: '12 months' }],
      statement:
        'Personal data are deleted or anonymised when their retention period ends. Each system either deletes automatically or follows a written deletion procedure that is run at least every {{1}}, and each run is recorded.',
      guidance:
        'Data kept longer than needed only adds to the damage of a breach. Check with the archives department which records must be transferred to the archive rather than deleted. Remember copies in backups, exports and e-mail attachments.',
      iso: ['8.10', '5.33'],
      nist: ['si-12', 'si-12.3'],
    },
    {
      n: 8,
      title: 'Impact assessment before risky processing',
      level: 'standard',
      cia: 'C',
      kinds: ['application', 'database', 'cloud-service', 'ot-iot', 'website'],
      sectors: ['health', 'social', 'education', 'smart-city'],
      statement:
        'Before a system starts processing special categories of personal data, data about children, large volumes of personal data, or data from cameras and sensors in public spaces, a data protection impact assessment is made with the data protection officer, and the measures it requires are tracked to completion.',
      guidance:
        'Smart-city projects such as people counting, parking sensors and camera analytics easily collect more than intended. Do the assessment early, when design choices such as on-device processing or shorter retention are still cheap. Publish a summary where residents are affected.',
      iso: ['5.34'],
      nist: ['ra-8', 'pt-7'],
    },
    {
      n: 9,
      title: 'Children’s data in education and social services',
      level: 'standard',
      cia: 'C',
      kinds: ['application', 'cloud-service', 'website'],
      sectors: ['education', 'social'],
      statement:
        'Systems used by schools, kindergartens and child-protection services collect only the data about children that the task requires, contain no advertising or tracking, do not use the data for profiling, and give access only to staff responsible for the child concerned.',
      guidance:
        'Free learning apps and online tools chosen by individual teachers are the usual weak spot; keep a list of approved tools and check their terms. Agree with suppliers that children’s data are not reused for product development. Access logs help answer parents who ask who looked at their child’s file.',
      iso: ['5.34', '8.3'],
      nist: ['pt-3', 'ac-3'],
    },
    {
      n: 10,
      title: 'Logged access to health and social records',
      level: 'high',
      cia: 'C',
      kinds: ['application', 'database'],
      sectors: ['health', 'social'],
      params: [{ label: 'interval of the analysis of access logs', value: 'monthly' }],
      statement:
        'Every read or change of health, social-welfare and child-protection records is logged with the user, the record and the time, and the logs are analysed at least {{1}} for look-ups without a work reason; suspected misuse is investigated.',
      guidance:
        'Curiosity about neighbours, celebrities or relatives is a real and recurring source of breaches. Simple rules catch most cases: staff opening records of people with their own surname or address, or of people outside their caseload. Tell staff that access is logged and checked; that alone prevents much.',
      iso: ['8.15', '5.34'],
      nist: ['au-2', 'au-6', 'pt-7'],
    },
    {
      n: 11,
      title: 'Prevention of data leaks',
      level: 'high',
      cia: 'C',
      kinds: ['application', 'cloud-service'],
      statement:
        'Outgoing e-mail, file-sharing links and removable media are controlled so that documents marked confidential or containing special categories of personal data cannot leave the city unencrypted or reach recipients outside an approved list without a warning and a logged decision.',
      guidance:
        'Most leaks are mistakes: an attachment sent to the wrong person, or a sharing link open to anyone. The data-loss features of office suites can warn the sender before sending. Start in warning mode and move to blocking for the clearest cases.',
      iso: ['8.12'],
      nist: ['ac-4', 'sc-7'],
    },
    {
      n: 12,
      title: 'Managed cryptographic keys',
      level: 'high',
      cia: 'CI',
      kinds: ['application', 'database', 'cloud-service', 'website'],
      params: [{ label: 'maximum lifetime of data-encryption keys', value: '2 years' }],
      statement:
        'Cryptographic keys and certificates are generated and stored in a managed key store or hardware security module, access to them is limited and logged, and keys are replaced at least every {{1}} and at once when compromise is suspected.',
      guidance:
        'Keep an inventory of keys and certificates with their owner and expiry, so renewals do not cause outages. Backups of keys must be as well protected as the keys themselves and kept separately from the encrypted data. Cloud key services are adequate for most cities.',
      iso: ['8.24'],
      nist: ['sc-12', 'sc-17'],
    },
    {
      n: 13,
      title: 'Anonymised open data and statistics',
      level: 'high',
      cia: 'C',
      kinds: ['application', 'database', 'website'],
      sectors: ['smart-city', 'public-administration'],
      params: [{ label: 'minimum number of people behind any published figure', value: '10' }],
      statement:
        'Data published as open data or shared for statistics and research are aggregated or anonymised so that no person can be identified, with no published figure based on fewer than {{1}} people; the method is approved by the data protection officer before the first release.',
      guidance:
        'Location traces, transport cards and small neighbourhoods make re-identification easy even without names. Combine generalisation, aggregation and suppression of small cells. Repeat the check when new data sets are published that could be linked with the old ones.',
      iso: ['8.11', '5.34'],
      nist: ['si-19'],
    },
    {
      n: 14,
      title: 'No production personal data in test environments',
      level: 'high',
      cia: 'C',
      kinds: ['application', 'database', 'website'],
      statement:
        'Personal data from production systems are not used in development, test or training environments. Where realistic data are needed, they are masked or synthetic, and any exception is approved by the data protection officer, time-limited and protected like production.',
      guidance:
        'Test copies of registers are often handed to suppliers and forgotten for years. Ask suppliers to bring their own synthetic data generator or use the masking features of the database. Delete test copies when the project ends.',
      iso: ['8.33', '8.11'],
      nist: ['pm-25', 'si-19'],
    },
  ],
};
