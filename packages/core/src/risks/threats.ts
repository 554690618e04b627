/**
 * The threat catalogue CityShield ships: the threats cities meet most, in plain language, each with
 * the security dimensions it threatens, the system kinds and sectors it typically hits and the City
 * Baseline requirements that mitigate it. Written by this project. An organisation may add its own
 * threats (same shape); the built-in ones are read-only. The keys are stable: risk scenarios and
 * incident types refer to them.
 */

export const RISK_DIMENSIONS = ['confidentiality', 'integrity', 'availability'] as const;
export type RiskDimension = (typeof RISK_DIMENSIONS)[number];

/** The register's system kinds (see the registry vocabulary). */
export const THREAT_SYSTEM_KINDS = ['application', 'cloud-service', 'database', 'ot-iot', 'network', 'website', 'building'] as const;

export interface Threat {
  /** Lower-case words joined by hyphens, unique in the catalogue (built in and own). */
  readonly key: string;
  readonly name: string;
  /** What happens, for a reader outside IT: one to three sentences. */
  readonly description: string;
  readonly dimensions: readonly RiskDimension[];
  /** System kinds it typically hits; empty = any kind. */
  readonly kinds: readonly string[];
  /** Register sector keys it typically hits; empty = every sector. */
  readonly sectors: readonly string[];
  /** Control ids of the City Baseline (e.g. `cs-iam-3`) that reduce it. */
  readonly mitigations: readonly string[];
}

/** Sectors where manipulated devices can hurt people or stop essential supply. */
export const OT_SECTORS = ['transport', 'energy', 'water', 'smart-city', 'public-safety'] as const;

export const BUILT_IN_THREATS: readonly Threat[] = [
  {
    key: 'phishing',
    name: 'Phishing',
    description:
      'Staff receive convincing e-mails, texts or calls that trick them into opening a harmful attachment, entering their password on a fake page or paying a false invoice. It is the most common first step of an attack on a city.',
    dimensions: ['confidentiality', 'integrity'],
    kinds: ['application', 'cloud-service', 'database', 'website'],
    sectors: [],
    mitigations: ['cs-awa-2', 'cs-awa-3', 'cs-awa-6', 'cs-awa-9', 'cs-iam-3', 'cs-iam-13', 'cs-inf-5', 'cs-hwe-2'],
  },
  {
    key: 'credential-theft',
    name: 'Credential theft and identity fraud',
    description:
      "Someone steals or guesses a password, session or identity and acts as a member of staff or a resident: reads records, changes bank details, applies for benefits in another person's name.",
    dimensions: ['confidentiality', 'integrity'],
    kinds: ['application', 'cloud-service', 'website', 'database'],
    sectors: [],
    mitigations: ['cs-iam-2', 'cs-iam-3', 'cs-iam-6', 'cs-iam-8', 'cs-iam-11', 'cs-iam-12', 'cs-iam-13', 'cs-log-1'],
  },
  {
    key: 'data-breach',
    name: 'Privacy intrusion and data breach',
    description:
      "Personal data of residents or staff is read, copied or published by people who should not see it — through an attack, a misconfigured share, a lost device or curiosity. Health, social and children's data harm people most.",
    dimensions: ['confidentiality'],
    kinds: ['application', 'cloud-service', 'database', 'website'],
    sectors: [],
    mitigations: [
      'cs-dat-1',
      'cs-dat-4',
      'cs-dat-6',
      'cs-dat-7',
      'cs-dat-8',
      'cs-dat-10',
      'cs-dat-11',
      'cs-dat-14',
      'cs-iam-4',
      'cs-iam-7',
    ],
  },
  {
    key: 'ransomware',
    name: 'Ransomware',
    description:
      'Criminals encrypt or wipe the data and servers of a department and demand money, often after copying the data first. Services can stop for weeks when backups are reachable from the same network.',
    dimensions: ['availability', 'integrity', 'confidentiality'],
    kinds: ['application', 'database', 'network', 'cloud-service'],
    sectors: [],
    mitigations: ['cs-dat-2', 'cs-dat-3', 'cs-bcm-3', 'cs-bcm-9', 'cs-app-2', 'cs-hwe-2', 'cs-hwe-5', 'cs-inf-6', 'cs-inc-6'],
  },
  {
    key: 'ddos',
    name: 'Denial of service (DDoS)',
    description:
      'A flood of traffic from many machines makes a website, e-service or network unreachable, often timed to elections, crises or political events. Residents cannot reach the service while it lasts.',
    dimensions: ['availability'],
    kinds: ['website', 'cloud-service', 'network', 'application', 'ot-iot'],
    sectors: [],
    mitigations: ['cs-app-10', 'cs-log-6', 'cs-inf-9', 'cs-inf-10', 'cs-bcm-6', 'cs-inc-9'],
  },
  {
    key: 'defacement',
    name: 'Website defacement',
    description:
      'An attacker changes the content of a city website to show propaganda, false announcements or harmful links. It damages trust quickly and can mislead residents in an emergency.',
    dimensions: ['integrity', 'availability'],
    kinds: ['website'],
    sectors: [],
    mitigations: ['cs-app-2', 'cs-app-4', 'cs-app-5', 'cs-app-6', 'cs-app-14', 'cs-iam-3', 'cs-inf-5'],
  },
  {
    key: 'ot-manipulation',
    name: 'Manipulation of OT and IoT devices',
    description:
      'Someone takes control of operational technology — traffic signals, road signs and public displays, grid, water or meter control, building automation — and changes what it does or switches it off. This can endanger people, not only data.',
    dimensions: ['integrity', 'availability'],
    kinds: ['ot-iot', 'network', 'building'],
    sectors: [...OT_SECTORS],
    mitigations: ['cs-ot-1', 'cs-ot-2', 'cs-ot-3', 'cs-ot-4', 'cs-ot-5', 'cs-ot-6', 'cs-ot-7', 'cs-ot-10', 'cs-ot-11', 'cs-ot-13'],
  },
  {
    key: 'insider-misuse',
    name: 'Insider misuse',
    description:
      'A member of staff or a contractor with legitimate access looks up records out of curiosity, sells data, manipulates a payment or sabotages a system. Hard to notice without logs and separation of duties.',
    dimensions: ['confidentiality', 'integrity'],
    kinds: ['application', 'database', 'cloud-service'],
    sectors: [],
    mitigations: ['cs-iam-4', 'cs-iam-7', 'cs-iam-10', 'cs-iam-15', 'cs-dat-10', 'cs-log-1', 'cs-log-10', 'cs-gov-11'],
  },
  {
    key: 'supplier-compromise',
    name: 'Supplier compromise',
    description:
      "A supplier that hosts, maintains or develops a city system is attacked or fails, and the attack or outage reaches the city through the supplier's access, software updates or shared platform.",
    dimensions: ['confidentiality', 'integrity', 'availability'],
    kinds: [],
    sectors: [],
    mitigations: ['cs-sup-1', 'cs-sup-2', 'cs-sup-4', 'cs-sup-6', 'cs-sup-7', 'cs-sup-10', 'cs-ot-3', 'cs-iam-10'],
  },
  {
    key: 'site-loss',
    name: 'Loss of a data centre or cloud region',
    description:
      'Fire, flooding, a long power cut or a provider outage takes a whole server room, data centre or cloud region away, with every system in it. Recovery depends on copies kept elsewhere and a practised plan.',
    dimensions: ['availability'],
    kinds: ['application', 'database', 'network', 'cloud-service', 'building'],
    sectors: [],
    mitigations: ['cs-bcm-1', 'cs-bcm-2', 'cs-bcm-4', 'cs-bcm-5', 'cs-bcm-7', 'cs-dat-2', 'cs-sup-8', 'cs-hwe-7', 'cs-inf-10'],
  },
  {
    key: 'vulnerability-exploitation',
    name: 'Exploitation of unpatched software',
    description:
      'Attackers scan the internet for systems with known weaknesses and break in within days of a flaw becoming public. Outdated or unsupported software exposed to the internet is the usual door.',
    dimensions: ['confidentiality', 'integrity', 'availability'],
    kinds: ['website', 'cloud-service', 'network', 'application'],
    sectors: [],
    mitigations: ['cs-app-2', 'cs-app-3', 'cs-app-9', 'cs-app-12', 'cs-inf-1', 'cs-inf-2', 'cs-hwe-5', 'cs-log-7'],
  },
  {
    key: 'citizen-scam',
    name: 'Scams in the name of the city',
    description:
      "Fraudsters imitate the city's website, e-mails or text messages — a tax refund, a parking fine, a benefit payment — to take residents' money or identity. The city's own domains and public warnings are the defence.",
    dimensions: ['integrity', 'confidentiality'],
    kinds: ['website'],
    sectors: [],
    mitigations: ['cs-awa-5', 'cs-awa-8', 'cs-inf-5', 'cs-app-1', 'cs-inc-9'],
  },
];

const BY_KEY = new Map(BUILT_IN_THREATS.map((t) => [t.key, t]));

export function builtInThreat(key: string): Threat | undefined {
  return BY_KEY.get(key);
}

export const isBuiltInThreat = (key: string): boolean => BY_KEY.has(key);

export const THREAT_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/;

/** Problems of an organisation's own threat (empty = fine); `knownControl` checks mitigation ids. */
export function validateThreat(t: Threat, knownControl: (id: string) => boolean = () => true): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (!THREAT_KEY_PATTERN.test(t.key)) out.push({ path: 'key', message: 'lower-case letters, digits and hyphens, 3–50 characters' });
  if (BY_KEY.has(t.key)) out.push({ path: 'key', message: 'a built-in threat has this key' });
  if (!t.name.trim()) out.push({ path: 'name', message: 'required' });
  if (t.dimensions.length === 0) out.push({ path: 'dimensions', message: 'name at least one dimension' });
  if (new Set(t.dimensions).size !== t.dimensions.length) out.push({ path: 'dimensions', message: 'each dimension once' });
  for (const k of t.kinds)
    if (!(THREAT_SYSTEM_KINDS as readonly string[]).includes(k)) out.push({ path: 'kinds', message: `unknown system kind "${k}"` });
  for (const id of t.mitigations) if (!knownControl(id)) out.push({ path: 'mitigations', message: `unknown control "${id}"` });
  return out;
}
