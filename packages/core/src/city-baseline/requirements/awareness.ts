import type { GroupDef } from '../types.js';

export const AWARENESS: GroupDef = {
  id: 'cs-awa',
  title: 'Awareness and training',
  overview:
    'Helping staff and residents recognise digital threats and act well: rules of use, training, ethical phishing simulations, role-based skills, and public awareness of scams that misuse the city’s name.',
  requirements: [
    {
      n: 1,
      title: 'Rules of use accepted before access',
      level: 'basic',
      cia: 'C',
      kinds: 'all',
      statement:
        'Before they receive access, staff and contractors accept the city’s rules for the use of IT and information and their confidentiality obligations, and are told how to report incidents.',
      guidance:
        'Keep the rules short and concrete: what is allowed with e-mail, cloud tools, personal devices and social media. Make acceptance part of onboarding in the HR system. Repeat the key points in the yearly training.',
      iso: ['5.10', '6.2', '6.6'],
      nist: ['pl-4', 'ps-6'],
    },
    {
      n: 2,
      title: 'Security awareness training for all staff',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'refresher interval', value: '12 months' }],
      statement:
        'All staff complete security awareness training when they start and at least every {{1}} after that, covering phishing, passwords and multi-factor authentication, handling of personal data, safe remote work and reporting incidents; completion is recorded.',
      guidance:
        'Short modules of ten minutes work better than a yearly hour-long lecture. Use examples from the city’s own mail flow and services. Include politicians and temporary staff, who are targeted as well.',
      iso: ['6.3'],
      nist: ['at-2', 'at-4'],
    },
    {
      n: 3,
      title: 'Easy reporting of suspicious messages',
      level: 'basic',
      cia: 'CI',
      kinds: 'all',
      params: [{ label: 'reporting route for suspicious messages', value: 'a report button in the mail client' }],
      statement:
        'Staff can report a suspicious message through {{1}}, every report receives feedback, and reporting is welcomed and never punished, even when the reporter has already clicked.',
      guidance:
        'Fast reports let the IT team remove the same message from every other mailbox before more people fall for it. Fear of punishment delays reports, so say clearly that reporting after a mistake is the right thing to do. Share a monthly example of a reported real attack.',
      iso: ['6.8', '6.3'],
      nist: ['at-2.3', 'ir-6'],
    },
    {
      n: 4,
      title: 'Safe remote and mobile work',
      level: 'basic',
      cia: 'C',
      kinds: 'all',
      statement:
        'Staff who work outside city premises use city-managed devices and the secure remote-access service, keep screens and documents away from others, and do not process confidential information in public places where others can see or hear it.',
      guidance:
        'Home offices, trains and cafés are now normal workplaces. Provide privacy screens to staff who handle sensitive cases. Remind people that family members should not use work devices.',
      iso: ['6.7', '7.7', '7.9'],
      nist: ['ac-17', 'pe-17'],
    },
    {
      n: 5,
      title: 'Scam awareness for residents',
      level: 'basic',
      cia: 'C',
      kinds: ['website'],
      sectors: ['public-administration'],
      statement:
        'The city publishes advice for residents on recognising phishing and scams that misuse its name, states how the city really contacts people and that it never asks for passwords or card data, and explains how to report a fake message or website.',
      guidance:
        'Fake tax refunds, parking fines and benefit messages in the city’s name are common. A permanent web page that service desks can point to helps every time a new wave appears. Warn residents quickly through the usual channels when a campaign is seen.',
      // Mapped by topic (security awareness); those controls address staff and interested parties, here the residents.
      iso: ['6.3'],
      nist: ['at-2'],
    },
    {
      n: 6,
      title: 'Ethical phishing simulations',
      level: 'standard',
      cia: 'CI',
      kinds: 'all',
      params: [
        { label: 'simulations per person per year', value: '4' },
        { label: 'minimum group size in reports', value: '10' },
        { label: 'retention of individual simulation results', value: '90 days' },
      ],
      statement:
        'Staff receive simulated phishing messages at least {{1}} times a year, with varied difficulty rated on a recognised scale such as the NIST Phish Scale. The programme follows ethical rules:',
      items: [
        'it is announced in general terms and agreed with staff representatives and the data protection officer;',
        'passwords and form contents entered on simulation pages are never stored, only the fact that something was submitted;',
        'results are pseudonymous and reported only for groups of at least {{2}} people;',
        'individual results are deleted after {{3}};',
        'lures that play on fear of dismissal, pay or personal loss are not used, and nobody is named or shamed;',
        'a person who clicks sees at once a short lesson showing the clues in that very message.',
      ],
      guidance:
        'The goal is more reports and fewer clicks over time, not catching people out. Vary the themes with the city’s real processes, such as invoices, parking permits and internal announcements. Make sure link-scanning mail filters do not count as clicks.',
      iso: ['6.3'],
      nist: ['at-2.1', 'at-2.3'],
    },
    {
      n: 7,
      title: 'Training for security roles',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'training interval for security roles', value: '2 years' }],
      statement:
        'Administrators, developers, OT operators, system owners and managers receive training for their security role when they take it up and at least every {{1}} after that.',
      guidance:
        'Administrators need hands-on skills such as hardening and incident handling; system owners need to understand classification and their duties. National cyber security agencies and associations of municipalities offer free courses. Record the training with the role.',
      iso: ['6.3'],
      nist: ['at-3', 'at-4'],
    },
    {
      n: 8,
      title: 'Public awareness campaign',
      level: 'standard',
      cia: 'CI',
      kinds: ['website'],
      sectors: ['public-administration', 'education'],
      params: [{ label: 'campaign frequency', value: 'once a year' }],
      statement:
        'The city runs a public awareness campaign on digital threats at least {{1}}, with an accessible, anonymous self-test for residents, and measures its reach with aggregate figures only.',
      guidance:
        'The European Cybersecurity Month in October is a natural moment. Reach older residents through libraries and service centres, and young people through schools. Offer the material in the languages spoken in the city.',
      // Mapped by topic (security awareness); those controls address staff and interested parties, here the residents.
      iso: ['6.3'],
      nist: ['at-2'],
    },
    {
      n: 9,
      title: 'Extra training for high-risk roles',
      level: 'high',
      cia: 'CI',
      kinds: 'all',
      sectors: ['finance', 'public-administration'],
      statement:
        'People at higher risk of targeted attacks, such as the mayor’s office, finance, HR, IT administrators and OT operators, receive additional training on targeted phishing, impersonation of managers and payment fraud, and every request to change payment details is verified by calling back a known number.',
      guidance:
        'Fraudsters study public information about councils and their suppliers to craft convincing requests. The call-back rule is simple and stops most payment fraud. Rehearse it with the finance team using realistic examples.',
      iso: ['6.3'],
      nist: ['at-2.3', 'at-3'],
    },
    {
      n: 10,
      title: 'Measured effect of awareness work',
      level: 'high',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'evaluation interval', value: '12 months' }],
      statement:
        'The effect of the awareness programme is measured with indicators such as the reporting rate, the click rate by difficulty and the time to the first report, and the programme is adjusted at least every {{1}}.',
      guidance:
        'Click rates alone mislead, because they depend on how hard the message was. A rising share of people who report is the best sign of a healthy culture. Share the results with staff as a team achievement.',
      iso: ['6.3'],
      nist: ['at-6', 'pm-14'],
    },
  ],
};
