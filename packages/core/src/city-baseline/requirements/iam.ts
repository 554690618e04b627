import type { GroupDef } from '../types.js';

export const IAM: GroupDef = {
  id: 'cs-iam',
  title: 'Identity and access management',
  overview:
    'Who may use which city system, how they prove who they are, and how their rights follow them when they join, change jobs or leave. Stolen or misused accounts are the most common way into city networks, so these requirements come first.',
  requirements: [
    {
      n: 1,
      title: 'Personal accounts and account lifecycle',
      level: 'basic',
      cia: 'CI',
      kinds: 'all',
      params: [{ label: 'maximum time to disable the accounts of a leaver', value: '1 working day' }],
      statement:
        'Every person who uses a city system has a personal account; shared accounts are not used for everyday work. Accounts are created only on a recorded request approved by the system owner, and are disabled within {{1}} after the person leaves or no longer needs the access.',
      guidance:
        'Tie account creation and removal to the HR process, so that a notice of departure or transfer automatically opens a task for every system the person used. Keep the few shared or technical accounts that cannot be avoided in a list, each with a named owner. Start with the systems that hold personal data or steer physical services.',
      iso: ['5.16', '5.18', '6.5'],
      nist: ['ac-2', 'ia-4', 'ps-4', 'ps-5'],
    },
    {
      n: 2,
      title: 'Long passwords checked against known leaks',
      level: 'basic',
      cia: 'C',
      kinds: 'all',
      params: [
        {
          label: 'minimum password length (characters)',
          value: '12',
          high: '15',
          guidelines: 'Accounts protected by a second factor may keep the basic value; passwords used alone should be longer.',
        },
      ],
      statement:
        'Passwords of city accounts have at least {{1}} characters and are checked, when set, against a list of common and previously leaked passwords. Passwords are not forced to change on a fixed schedule, but are changed at once when a compromise is suspected.',
      guidance:
        'A passphrase of several ordinary words is easier to remember and harder to guess than a short password full of symbols. Composition rules and regular expiry push people towards predictable patterns, so drop them. Offer a password manager to staff who need many accounts, and never send passwords by plain e-mail.',
      iso: ['5.17', '8.5'],
      nist: ['ia-5', 'ia-5.1', 'ia-5.18'],
    },
    {
      n: 3,
      title: 'Multi-factor authentication',
      level: 'basic',
      cia: 'CI',
      kinds: 'all',
      params: [
        {
          label: 'where multi-factor authentication is required',
          choices: [
            'remote access to the city network',
            'e-mail and collaboration services reachable from the internet',
            'administrator and other privileged accounts',
            'administration consoles of cloud services',
            'every user account',
          ],
          howMany: 'one-or-more',
          defaults: [
            'remote access to the city network',
            'e-mail and collaboration services reachable from the internet',
            'administrator and other privileged accounts',
            'administration consoles of cloud services',
          ],
        },
      ],
      statement: 'A second authentication factor in addition to the password is required for: {{1}}.',
      guidance:
        'Security keys and passkeys resist phishing best; authenticator apps are a good second choice, and codes by text message are a last resort. Begin with administrators and anything reachable from the internet. Write down a safe procedure for lost or replaced authenticators, so that the helpdesk cannot be talked into switching the second factor off.',
      iso: ['8.5'],
      nist: ['ia-2', 'ia-2.1', 'ia-2.2'],
    },
    {
      n: 4,
      title: 'Least privilege and separate administrator accounts',
      level: 'basic',
      cia: 'CI',
      kinds: 'all',
      statement:
        'Users receive only the access rights their tasks need. Administrative work is done with separate privileged accounts that are never used for e-mail, web browsing or other everyday work.',
      guidance:
        'Most attacks start with an ordinary user opening a malicious message; if that user is also an administrator, the attacker gets everything at once. Give each administrator two accounts and make the privileged one unable to receive mail. Build roles per department instead of copying the rights of a colleague.',
      iso: ['5.15', '8.2'],
      nist: ['ac-6', 'ac-6.5', 'ac-6.10'],
    },
    {
      n: 5,
      title: 'No default passwords',
      level: 'basic',
      cia: 'CI',
      kinds: 'all',
      statement:
        'Factory-set passwords of devices, applications and services are changed before the system is connected to a network or put into service, and built-in accounts that are not needed are disabled.',
      guidance:
        'Routers, cameras, traffic and building controllers, printers and new software installations often ship with the same password on every unit, and attackers scan the internet for them. Add the password change to the installation checklist and to the acceptance of supplier work. Record the new credentials in the city password vault, not on the device.',
      iso: ['5.17', '8.9'],
      nist: ['ia-5', 'cm-6'],
    },
    {
      n: 6,
      title: 'Limits on failed logins',
      level: 'basic',
      cia: 'C',
      kinds: ['application', 'cloud-service', 'website', 'network'],
      params: [{ label: 'failed attempts before slowing down or blocking', value: '10' }],
      statement:
        'After {{1}} consecutive failed logins to an account, further attempts are slowed down or temporarily blocked, and repeated failures are logged.',
      guidance:
        'Throttling stops password guessing without letting an attacker lock out staff at will; prefer growing delays over permanent locks. Make sure the logs show failures across many accounts from one source, which is typical of password spraying. Citizen-facing e-services need the same protection as staff systems.',
      iso: ['8.5'],
      nist: ['ac-7'],
    },
    {
      n: 7,
      title: 'Regular review of access rights',
      level: 'standard',
      cia: 'CI',
      kinds: 'all',
      params: [{ label: 'access review interval', value: '180 days', high: '90 days' }],
      statement:
        'System owners review the user and privileged access rights of their systems at least every {{1}}, remove rights that are no longer justified, and record the review and its outcome.',
      guidance:
        'Send each owner a list of who has which role and ask for a yes or no per line; this takes minutes and finds forgotten accounts of former staff and suppliers. Review privileged accounts first. Keep the answers as evidence for the auditor.',
      iso: ['5.18'],
      nist: ['ac-2', 'ac-6.7'],
    },
    {
      n: 8,
      title: 'Central identity service and single sign-on',
      level: 'standard',
      cia: 'CI',
      kinds: ['application', 'cloud-service', 'website'],
      statement:
        'Staff sign in to applications through the city’s central identity service (single sign-on) unless the system owner records why that is not possible. Local accounts that remain inside applications are listed and included in the access review.',
      guidance:
        'Single sign-on means one place to enforce multi-factor authentication and one switch to disable a leaver. Require support for OpenID Connect or SAML in every new procurement. For older systems, plan the migration when they are next upgraded.',
      iso: ['5.16', '8.5'],
      nist: ['ia-2', 'ac-2.1'],
    },
    {
      n: 9,
      title: 'Session time-outs and screen lock',
      level: 'standard',
      cia: 'C',
      kinds: ['application', 'website', 'cloud-service'],
      params: [
        { label: 'idle time before an application session ends', value: '30 minutes' },
        { label: 'idle time before a workstation locks', value: '10 minutes', high: '5 minutes' },
      ],
      statement:
        'Sessions of applications that process personal or confidential data end after {{1}} of inactivity, and workstations and mobile devices lock after {{2}} of inactivity.',
      guidance:
        'Front-desk and social-service staff often leave screens open while helping citizens, in rooms visitors can enter. Short locks matter most there. Pair the time-out with a quick unlock method such as a badge or biometrics so that people do not work around it.',
      iso: ['8.5', '7.7'],
      nist: ['ac-11', 'ac-12'],
    },
    {
      n: 10,
      title: 'Management of privileged and emergency accounts',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'test interval of emergency accounts', value: '6 months' }],
      statement:
        'Privileged accounts are listed with their owners and their use is logged. Emergency ("break-glass") accounts are kept sealed, every use raises an alert, and they are tested at least every {{1}}.',
      guidance:
        'An emergency account lets the city regain control if the identity service or multi-factor authentication fails; it must not become a shortcut. Store its credentials in a safe or a vault that needs two people to open. After each use, change the password and record why it was needed.',
      iso: ['8.2', '8.18'],
      nist: ['ac-2', 'ac-6.5', 'ac-6.9'],
    },
    {
      n: 11,
      title: 'Service accounts, API keys and secrets',
      level: 'standard',
      cia: 'CI',
      kinds: ['application', 'cloud-service', 'database', 'website'],
      params: [{ label: 'maximum lifetime of API keys and service passwords', value: '12 months' }],
      statement:
        'Accounts and keys used by programs have a named owner, only the rights their integration needs, and are not usable for interactive login. Secrets are kept in a secrets store, never in source code or shared documents, and are replaced at least every {{1}} and immediately when someone who knew them leaves.',
      guidance:
        'Integrations between registers, payment services and websites often run with an old administrator password that nobody dares to change. List them, give each its own account and store the secrets centrally. Search code repositories for secrets that were committed by mistake.',
      iso: ['5.17', '8.2', '8.4'],
      nist: ['ia-5', 'ia-5.7', 'ia-9'],
    },
    {
      n: 12,
      title: 'Strong identification of citizens in e-services',
      level: 'standard',
      cia: 'CI',
      kinds: ['website', 'application'],
      sectors: ['public-administration', 'social', 'health'],
      params: [
        {
          label: 'minimum assurance level for e-services that show or change personal data',
          choices: ['low', 'substantial', 'high'],
          defaults: ['substantial'],
          guidelines: 'The levels are those of the EU eIDAS regulation; national eID schemes state which level they meet.',
        },
      ],
      statement:
        'E-services that show a citizen their personal data or accept applications on their behalf identify the citizen with a national eID means of at least assurance level {{1}}; e-mail addresses or knowledge of personal data alone do not suffice.',
      guidance:
        'Identity fraud against benefits and permits often uses data that is easy to find, such as a personal code and a date of birth. Reuse the national eID service rather than building your own login. Where citizens may act for others, for example parents for children, check the authorisation in the register.',
      iso: ['5.16', '8.5'],
      nist: ['ia-8', 'ia-12'],
    },
    {
      n: 13,
      title: 'Phishing-resistant authentication for administrators and remote access',
      level: 'high',
      cia: 'CI',
      kinds: 'all',
      statement:
        'Privileged accounts and all remote access use phishing-resistant authentication, such as hardware security keys, passkeys or smart cards. One-time codes sent by text message or voice call are not accepted for them.',
      guidance:
        'Attackers now run proxy sites that capture passwords and one-time codes in real time; only methods bound to the real web address defeat this. Two keys per administrator avoid lock-outs. Roll out to the highest-risk accounts first and keep a documented fallback.',
      iso: ['8.5'],
      nist: ['ia-2.1', 'ia-2.8'],
    },
    {
      n: 14,
      title: 'Time-limited administrator rights',
      level: 'high',
      cia: 'CIA',
      kinds: 'all',
      params: [
        { label: 'maximum duration of granted administrator rights', value: '8 hours' },
        { label: 'maximum number of people with permanent administrator rights per system', value: '2' },
      ],
      statement:
        'Administrator rights to critical systems are granted on request and approval for a limited time and expire automatically after at most {{1}}. At most {{2}} named people per system hold such rights permanently.',
      guidance:
        'Standing administrator rights are what ransomware groups look for after the first foothold. Privileged access management tools and cloud identity services can grant rights just in time with an approval. Review the log of granted rights together with the access review.',
      iso: ['8.2'],
      nist: ['ac-2.2', 'ac-6'],
    },
    {
      n: 15,
      title: 'Separation of duties in payments and registers',
      level: 'high',
      cia: 'I',
      kinds: ['application'],
      sectors: ['finance', 'social', 'public-administration'],
      statement:
        'In systems that make payments, grant benefits or change entries in population, property or other official registers, no single person can both prepare and approve the same transaction, and the application enforces this rule.',
      guidance:
        'Small teams sometimes let one trusted person do both steps during holidays; that is exactly when fraud goes unnoticed. Configure the rule in the application rather than relying on a procedure. Where the team is too small, add a second approval by a manager from another unit.',
      iso: ['5.3'],
      nist: ['ac-5'],
    },
  ],
};
