import type { GroupDef } from '../types.js';

export const APPLICATION: GroupDef = {
  id: 'cs-app',
  title: 'Application security',
  overview:
    'Security of the applications a city runs and of its public face: websites and e-services, their encryption and headers, protection against defacement and overload, secure development and the handling of vulnerabilities.',
  requirements: [
    {
      n: 1,
      title: 'HTTPS only, with current TLS and valid certificates',
      level: 'basic',
      cia: 'CI',
      kinds: ['website', 'application', 'cloud-service'],
      params: [
        { label: 'oldest accepted TLS version', choices: ['1.2', '1.3'], defaults: ['1.2'] },
        { label: 'minimum time before expiry to renew a certificate', value: '14 days' },
      ],
      statement:
        'City websites, e-services and interfaces are offered only over HTTPS with TLS {{1}} or newer; plain HTTP only redirects to HTTPS. Certificates are renewed automatically, or manually at least {{2}} before they expire.',
      guidance:
        'Free automated certificates remove most expiry outages; where they cannot be used, put every certificate into the monitoring calendar. Public test services show which protocol versions and ciphers a site still accepts. Do not forget sub-domains used for old campaigns and forms.',
      iso: ['8.24', '8.26'],
      nist: ['sc-8', 'sc-8.1', 'sc-17'],
    },
    {
      n: 2,
      title: 'Timely security updates',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [
        {
          label: 'time to install updates for critical vulnerabilities',
          value: '14 days',
          standard: '7 days',
          high: '3 days',
          guidelines: 'Vulnerabilities known to be exploited in internet-facing systems should be fixed or mitigated faster, within days.',
        },
        { label: 'time to install updates for other high-severity vulnerabilities', value: '30 days' },
      ],
      statement:
        'Security updates for operating systems, applications, content management systems and their plug-ins are installed within {{1}} of release for critical vulnerabilities and within {{2}} for other high-severity vulnerabilities, internet-facing systems first. Where no update exists, a documented workaround is applied.',
      guidance:
        'Follow the list of actively exploited vulnerabilities published by national CSIRTs and treat anything on it as urgent. Automatic updates are the safest default for workstations and content management systems. Keep a short record of every exception with its end date.',
      iso: ['8.8', '8.19'],
      nist: ['si-2', 'ra-5'],
    },
    {
      n: 3,
      title: 'Only supported software',
      level: 'basic',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'how far ahead end of support is tracked', value: '12 months' }],
      statement:
        'Only software that still receives security updates from its maker is used. Applications, content management systems, plug-ins and main libraries are recorded with their versions, and the end-of-support dates are tracked at least {{1}} ahead so that replacement is planned in time.',
      guidance:
        'Unsupported systems collect unfixable weaknesses and are a favourite target. Where a system cannot be replaced in time, isolate it from the internet and from other networks and record the decision as an accepted risk. Budget replacements in the yearly plan instead of waiting for a crisis.',
      iso: ['5.9', '8.8', '8.19'],
      nist: ['cm-8', 'sa-22'],
    },
    {
      n: 4,
      title: 'Protected administration of websites and e-services',
      level: 'basic',
      cia: 'CI',
      kinds: ['website', 'application', 'cloud-service'],
      params: [{ label: 'other permitted route to administration interfaces', value: 'an allow-list of supplier addresses' }],
      statement:
        'Administration interfaces of websites and e-services, such as content management back ends, database consoles and hosting panels, are not open to the whole internet: they are reachable only from the city network, through the city’s remote-access service or from {{1}}, and always require multi-factor authentication.',
      guidance:
        'Defacements mostly start with a guessed or stolen password for the content management system. Moving the login page away from the public internet stops mass attacks entirely. Check sites run by agencies and suppliers on the city’s behalf as well.',
      iso: ['8.2', '8.5', '8.20'],
      nist: ['ac-17', 'sc-7', 'ia-2.1'],
    },
    {
      n: 5,
      title: 'Defacement detection and fast restoration',
      level: 'basic',
      cia: 'IA',
      kinds: ['website'],
      params: [
        { label: 'check interval for unauthorised changes', value: '15 minutes', high: '5 minutes' },
        { label: 'maximum time to restore a clean site', value: '4 hours' },
      ],
      statement:
        'The public content of every city website is compared with an approved state at least every {{1}}, and unexpected changes alert a responsible person. A clean copy of the site can be put back online within {{2}}.',
      guidance:
        'A defaced city website damages trust quickly and may spread false information to residents. Ignore parts of pages that change legitimately, such as news lists or dates, so alerts stay meaningful. Practise the restore and keep a simple maintenance page ready.',
      iso: ['8.16', '8.13'],
      nist: ['si-7', 'si-4', 'cp-10'],
    },
    {
      n: 6,
      title: 'Security headers on public websites',
      level: 'standard',
      cia: 'CI',
      kinds: ['website'],
      params: [
        { label: 'minimum HSTS max-age (seconds)', value: '31536000' },
        {
          label: 'minimum header grade',
          choices: ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C'],
          defaults: ['B'],
          guidelines: 'Grades as computed by the HTTP Observatory method; sites with logins or forms should aim higher.',
        },
      ],
      statement:
        'Public websites send Strict-Transport-Security with a max-age of at least {{1}} seconds, a Content-Security-Policy, X-Content-Type-Options set to nosniff, a framing restriction and a Referrer-Policy, and reach at least grade {{2}} in the header grading used by the city.',
      guidance:
        'Headers cost little and block whole classes of attack, such as clickjacking and injected scripts. Roll out a content security policy in report-only mode first to find what would break. Check sites hosted by suppliers too, and add the headers to the website contract.',
      iso: ['8.26', '8.9'],
      nist: ['sc-8', 'cm-6'],
    },
    {
      n: 7,
      title: 'Security requirements in development and procurement',
      level: 'standard',
      cia: 'CIA',
      kinds: ['application', 'website', 'cloud-service'],
      statement:
        'Every development or procurement of an application or e-service states security requirements that follow from the system’s classification, covering at least authentication, authorisation, input validation, logging, data protection and updates, and acceptance checks that they are met.',
      guidance:
        'Requirements added after the contract is signed are expensive; put them into the tender. Reuse a standard annex derived from this baseline so every project does not start from nothing. Ask for evidence at acceptance rather than a promise.',
      iso: ['5.8', '8.25', '8.26', '8.30'],
      nist: ['sa-3', 'sa-4', 'sa-8'],
    },
    {
      n: 8,
      title: 'Security testing before release',
      level: 'standard',
      cia: 'CI',
      kinds: ['application', 'website'],
      statement:
        'Before going live and after major changes, internet-facing applications and e-services are tested for common web weaknesses, including the current OWASP Top 10 categories, with automated scanning and a manual check; critical and high findings are fixed before release.',
      guidance:
        'Many scanners are free, and a supplier can be required to deliver a test report with each release. Test with realistic roles, because authorisation flaws are only visible when logged in. Retest the fixes rather than accepting them on paper.',
      iso: ['8.29'],
      nist: ['sa-11', 'sa-11.8', 'ra-5'],
    },
    {
      n: 9,
      title: 'Vulnerability scanning of systems and components',
      level: 'standard',
      cia: 'CIA',
      kinds: 'all',
      params: [{ label: 'scan interval', value: 'monthly', high: 'weekly' }],
      statement:
        'Internet-facing and critical internal systems are scanned for known vulnerabilities at least {{1}}, and software built for the city is checked automatically for vulnerable components at every build; findings are assigned and tracked until fixed.',
      guidance:
        'Scanning from the outside shows what attackers see; an authenticated scan shows much more. Compare results over time so that new exposures stand out. Feed the findings into the same ticket queue as other work so that they do not get lost.',
      iso: ['8.8'],
      nist: ['ra-5', 'ra-5.2', 'sa-15.7'],
    },
    {
      n: 10,
      title: 'Protection against overload and web attacks',
      level: 'standard',
      cia: 'IA',
      kinds: ['website', 'application', 'network'],
      statement:
        'Websites and e-services that residents depend on are protected against denial-of-service attacks by the network or hosting provider, and a web application firewall or equivalent filtering blocks common attacks against them.',
      guidance:
        'Politically motivated overload attacks against city websites are frequent around elections and international events. A content delivery network with attack mitigation is usually cheaper than building capacity. Agree in advance with the provider who switches on stronger protection and how fast.',
      iso: ['8.20', '8.6'],
      nist: ['sc-5', 'sc-7'],
    },
    {
      n: 11,
      title: 'Separate environments and controlled deployment',
      level: 'standard',
      cia: 'I',
      kinds: ['application', 'website', 'database'],
      statement:
        'Development, test and production environments are separated, and changes reach production only through a controlled deployment by authorised people after testing.',
      guidance:
        'Editing live sites or databases directly is the fastest way to cause an outage and the hardest to trace. Even small teams can use a simple pipeline that deploys from a repository. Restrict who can deploy and log each deployment.',
      iso: ['8.31', '8.32'],
      nist: ['cm-3', 'cm-5'],
    },
    {
      n: 12,
      title: 'Independent penetration testing',
      level: 'high',
      cia: 'CIA',
      kinds: ['application', 'website', 'cloud-service', 'network'],
      params: [{ label: 'penetration test interval', value: '12 months' }],
      statement:
        'Applications and e-services that process special categories of personal data or payments, or that control physical services, are penetration-tested by an independent tester before going live and at least every {{1}}; the findings are fixed and retested.',
      guidance:
        'Define the scope precisely, including logins of every role and the interfaces to other systems. Ask the tester to explain findings to the developers in person. Keep the report confidential but share the lessons with other cities through your network.',
      iso: ['8.29', '8.8'],
      nist: ['ca-8', 'ca-8.1'],
    },
    {
      n: 13,
      title: 'Reviewed and analysed code',
      level: 'high',
      cia: 'I',
      kinds: ['application', 'website'],
      statement:
        'Code developed for the city, by its staff or by suppliers, is reviewed by a second developer and checked with static analysis before it is merged, and source code repositories are accessible only to the people who work on them.',
      guidance:
        'Reviews catch logic errors that scanners miss, such as a missing permission check. Make the analysis part of the build so that it happens every time. Require suppliers to show their review and analysis results for each release.',
      iso: ['8.28', '8.4'],
      nist: ['sa-11.1', 'sa-15'],
    },
    {
      n: 14,
      title: 'Control of third-party scripts',
      level: 'high',
      cia: 'CI',
      kinds: ['website'],
      statement:
        'Public websites load scripts only from the city’s own domains or from third parties listed in an approved register; external scripts are pinned with integrity hashes where the provider allows it, and no tracking scripts run before the visitor has consented.',
      guidance:
        'A compromised analytics or chat widget runs with full rights on every page of the site, including forms that collect personal data. Host libraries yourself where you can. Review the register when campaigns or new features are added.',
      iso: ['8.26', '5.21'],
      nist: ['si-7', 'cm-7'],
    },
  ],
};
