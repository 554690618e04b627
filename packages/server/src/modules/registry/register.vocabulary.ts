/**
 * The register's fixed vocabularies (an organisation may add sectors; the rest are fixed because
 * later modules — baselines by system kind, threat suggestions — depend on them).
 */
export const BUILT_IN_SECTORS = {
  transport: 'Transport',
  energy: 'Energy',
  water: 'Water',
  health: 'Health',
  'social-services': 'Social services',
  education: 'Education',
  'public-administration': 'Public administration',
  finance: 'Finance',
  'public-safety': 'Public safety',
  'smart-city': 'Smart city / IoT',
} as const;

export const SYSTEM_KINDS = ['application', 'cloud-service', 'database', 'ot-iot', 'network', 'website', 'building'] as const;
export const PERSONAL_DATA = ['none', 'personal', 'special-categories', 'children'] as const;
export const HOSTING = ['on-premises', 'cloud', 'supplier'] as const;
export const LIFECYCLE = ['planned', 'development', 'production', 'retiring', 'retired'] as const;
