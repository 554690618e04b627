import { type ClassificationMethod, computeNeeds, type EffectiveNeed, type ImplementationStatus } from '@cityshield/core';
import { AppError, notFound } from '../../errors.js';
import type { Executor } from '../audit/audit.repository.js';
import { loadNeedGraph } from '../baselines/sync-systems.js';
import { BUILT_IN_SECTORS } from '../registry/register.vocabulary.js';
import {
  CS_NS,
  compact,
  csProp,
  EXPORT_OSCAL_VERSION,
  ids,
  type Json,
  NO_DESCRIPTION,
  NO_STATEMENT,
  newest,
  OSCAL_JSON,
  oscalUuid,
  type PartyUser,
  parties,
  some,
  str,
  TO_OSCAL_STATUS,
  text,
} from './oscal-common.js';

/** Information types are categorised by sector and personal-data category in this scheme. */
export const CS_INFORMATION_TYPES = `${CS_NS}/information-types`;
/** The identifier type of the CityShield id among the system-ids. */
export const CS_SYSTEM_ID = `${CS_NS}/system-id`;

/** The three security objectives of OSCAL, by the dimension keys every built-in method uses. */
export const CIA = ['confidentiality', 'integrity', 'availability'] as const;

/** Register lifecycle → OSCAL system status (the exact lifecycle travels as a CityShield prop). */
export const LIFECYCLE_TO_STATE: Record<string, string> = {
  planned: 'under-development',
  development: 'under-development',
  production: 'operational',
  retiring: 'disposition',
  retired: 'disposition',
};

const PERSONAL_DATA_TYPES: Record<string, { title: string; description: string }> = {
  personal: {
    title: 'Personal data',
    description: 'Personal data of residents, employees or other people (GDPR Art. 4).',
  },
  'special-categories': {
    title: 'Special categories of personal data',
    description: 'Data revealing health, ethnic origin, beliefs, trade-union membership and the like (GDPR Art. 9).',
  },
  children: {
    title: "Children's personal data",
    description: 'Personal data of children, who merit specific protection (GDPR Art. 8).',
  },
};

const HOSTING_TEXT: Record<string, string> = {
  'on-premises': 'hosted on the organisation’s own premises',
  cloud: 'hosted in a cloud service',
  supplier: 'hosted by a supplier',
};

/**
 * The value OSCAL carries for a level of a dimension or a security level: `<method>-<level>`. For
 * FIPS 199 that is exactly OSCAL's own `fips-199-low|moderate|high`; for other methods it names
 * the scale (`iske-2`, `bsi-200-2-high`) so a reader never mistakes one for another.
 */
export const levelValue = (method: ClassificationMethod, level: string): string => `${method.key}-${level}`;

interface RequirementRow {
  id: string;
  control_id: string;
  version_id: string;
  status: string;
  effective_status: string;
  component_id: string | null;
  override: number;
  justification: string | null;
  statement: string;
  responsible_id: string | null;
  updated_at: string;
}

/** The system security plan of one system, built from the register, its classification and requirement records. */
export async function buildSsp(
  db: Executor,
  orgId: string,
  systemId: string,
  method: ClassificationMethod,
  now: string,
): Promise<{ document: Json; title: string; requirements: number; components: number }> {
  const system = await db.selectFrom('systems').selectAll().where('org_id', '=', orgId).where('id', '=', systemId).executeTakeFirst();
  if (!system) throw notFound('The system');
  const org = await db.selectFrom('organisations').select(['name']).where('id', '=', orgId).executeTakeFirstOrThrow();

  const rows: RequirementRow[] = await db
    .selectFrom('system_requirements')
    .select([
      'id',
      'control_id',
      'version_id',
      'status',
      'effective_status',
      'component_id',
      'override',
      'justification',
      'statement',
      'responsible_id',
      'updated_at',
    ])
    .where('org_id', '=', orgId)
    .where('system_id', '=', systemId)
    .where('applies', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (rows.length === 0) {
    throw new AppError(
      'CONFLICT',
      `${system.name} has no requirements yet, and an OSCAL system security plan needs at least one implemented requirement. Classify the system so its baseline applies, then export.`,
    );
  }

  const used = await db
    .selectFrom('system_components as sc')
    .innerJoin('components as k', 'k.id', 'sc.component_id')
    .select(['k.id', 'k.name', 'k.description', 'k.kind', 'k.provider', 'k.oscal_uuid', 'k.updated_at'])
    .where('sc.org_id', '=', orgId)
    .where('sc.system_id', '=', systemId)
    .orderBy('k.name')
    .orderBy('k.id')
    .execute();
  const inheritedControls = [...new Set(rows.filter((r) => r.component_id).map((r) => r.control_id))];
  const componentImpls =
    used.length > 0 && inheritedControls.length > 0
      ? await db
          .selectFrom('component_requirements')
          .select(['component_id', 'control_id', 'status', 'statement', 'updated_at'])
          .where('org_id', '=', orgId)
          .where(
            'component_id',
            'in',
            used.map((k) => k.id),
          )
          .execute()
      : [];
  const implOf = new Map(componentImpls.map((c) => [`${c.component_id}\u0000${c.control_id}`, c]));

  const userIds = [...new Set([system.owner_id, ...rows.map((r) => r.responsible_id)].filter((x): x is string => !!x))];
  const users: PartyUser[] =
    userIds.length > 0
      ? await db.selectFrom('users').select(['id', 'name', 'email']).where('org_id', '=', orgId).where('id', 'in', userIds).execute()
      : [];
  const userById = new Map(users.map((u) => [u.id, u]));
  const owner = system.owner_id ? userById.get(system.owner_id) : undefined;
  const responsibles = [...new Set(rows.map((r) => r.responsible_id).filter((x): x is string => !!x && userById.has(x)))];

  const department = system.department_id
    ? await db.selectFrom('departments').select('name').where('id', '=', system.department_id).executeTakeFirst()
    : undefined;
  const sectorName =
    (BUILT_IN_SECTORS as Record<string, string>)[system.sector] ??
    (await db.selectFrom('sectors').select('name').where('org_id', '=', orgId).where('key', '=', system.sector).executeTakeFirst())?.name ??
    system.sector;

  // The catalog or profile version(s) the requirement list comes from; the most used one is the import.
  const versionCounts = new Map<string, number>();
  for (const r of rows) versionCounts.set(r.version_id, (versionCounts.get(r.version_id) ?? 0) + 1);
  const versionIds = [...versionCounts.keys()];
  const versions = await db
    .selectFrom('catalog_versions as v')
    .innerJoin('catalogs as c', 'c.id', 'v.catalog_id')
    .select(['v.id', 'v.title', 'v.version', 'v.document_uuid', 'v.oscal_version', 'c.kind', 'c.name', 'c.built_in'])
    .where('v.id', 'in', versionIds)
    .execute();
  const mainVersion = [...versionCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
  const main = versions.find((v) => v.id === mainVersion);

  // The protection need: the own classification (base) and the effective need after inheritance (selected).
  const need: EffectiveNeed | undefined = computeNeeds(await loadNeedGraph(db, orgId, method)).needs.get(systemId);
  const classified = need !== undefined && Object.values(need.levels).some((l) => l !== undefined);
  const hasCia = CIA.every((d) => method.dimensions.some((m) => m.key === d));

  const impact = (dimension: string) => {
    const p = need?.provenance[dimension];
    const effective = need?.levels[dimension];
    if (!p || effective === undefined) return undefined;
    const base = p.own ?? effective;
    const adjusted = base !== effective;
    const why =
      p.source === 'inherited'
        ? 'Raised to the need of a system that depends on this one (maximum principle).'
        : p.deviation
          ? `${p.deviation.kind === 'cumulation' ? 'Cumulation' : 'Distribution'}: ${p.deviation.justification}`
          : 'Adjusted by the effective protection need.';
    return compact({
      base: levelValue(method, base),
      selected: adjusted ? levelValue(method, effective) : undefined,
      'adjustment-justification': adjusted ? why : undefined,
    });
  };
  const impacts = hasCia
    ? compact({
        'confidentiality-impact': impact('confidentiality'),
        'integrity-impact': impact('integrity'),
        'availability-impact': impact('availability'),
      })
    : {};

  const personalData = (JSON.parse(system.personal_data) as string[]).filter((p) => p !== 'none');
  const informationTypes: Json[] = [
    {
      uuid: oscalUuid('information-type', `${systemId}:sector`),
      title: `${sectorName} service information`,
      description: `Information the system stores or processes for the organisation’s ${sectorName.toLowerCase()} services.`,
      categorizations: [{ system: CS_INFORMATION_TYPES, 'information-type-ids': [`sector-${system.sector}`] }],
      ...impacts,
    },
    ...personalData
      .filter((p) => PERSONAL_DATA_TYPES[p])
      .map((p) => ({
        uuid: oscalUuid('information-type', `${systemId}:${p}`),
        title: PERSONAL_DATA_TYPES[p]?.title ?? p,
        description: PERSONAL_DATA_TYPES[p]?.description ?? p,
        categorizations: [{ system: CS_INFORMATION_TYPES, 'information-type-ids': [`personal-data-${p}`] }],
        ...impacts,
      })),
  ];

  const cia = hasCia && CIA.every((d) => need?.levels[d] !== undefined);
  const state = LIFECYCLE_TO_STATE[system.lifecycle] ?? 'operational';
  const thisSystem = ids.thisSystem(systemId);
  const ownerRole = owner ? [{ 'role-id': 'system-owner', 'party-uuids': [ids.user(owner.id)] }] : undefined;

  const providers = [...new Set(used.map((k) => k.provider?.trim()).filter((p): p is string => !!p))].sort();
  const providerParties = providers.map((p) => ({ uuid: ids.provider(orgId, p), type: 'organization', name: str(p, 'Provider') }));

  const components: Json[] = [
    compact({
      uuid: thisSystem,
      type: 'this-system',
      title: system.name,
      description: text(system.description, NO_DESCRIPTION),
      status: { state },
      'responsible-roles': ownerRole,
    }),
    ...used.map((k) =>
      compact({
        uuid: ids.component(k.id),
        type: str(k.kind, 'service'),
        title: k.name,
        description: text(k.description, `${k.name}: a common component of the organisation.`),
        props: some([csProp('common-component', 'true'), csProp('component-definition-uuid', k.oscal_uuid)]),
        status: { state: 'operational' },
        'responsible-roles': k.provider?.trim()
          ? [{ 'role-id': 'provider', 'party-uuids': [ids.provider(orgId, k.provider.trim())] }]
          : undefined,
      }),
    ),
  ];

  const byComponentStatus = (s: string) => ({ state: TO_OSCAL_STATUS[s as ImplementationStatus] ?? 'planned' });
  const implemented = rows.map((r) => {
    const inherited = r.component_id ? used.find((k) => k.id === r.component_id) : undefined;
    const impl = inherited ? implOf.get(`${inherited.id}\u0000${r.control_id}`) : undefined;
    const own = r.statement.trim() !== '' || r.status !== 'not-started' || !inherited;
    return compact({
      uuid: ids.requirement(r.id),
      'control-id': r.control_id,
      props: some([
        { name: 'implementation-status', value: TO_OSCAL_STATUS[r.effective_status as ImplementationStatus] ?? 'planned' },
        csProp('status', r.status),
        r.override === 1 ? csProp('inheritance', 'overridden') : undefined,
      ]),
      'responsible-roles':
        r.responsible_id && userById.has(r.responsible_id)
          ? [{ 'role-id': 'implementation-responsible', 'party-uuids': [ids.user(r.responsible_id)] }]
          : undefined,
      'by-components': some([
        own
          ? {
              'component-uuid': thisSystem,
              uuid: oscalUuid('by-component', `${r.id}:this-system`),
              description: text(r.statement, NO_STATEMENT),
              'implementation-status': byComponentStatus(r.status),
            }
          : undefined,
        inherited
          ? {
              'component-uuid': ids.component(inherited.id),
              uuid: oscalUuid('by-component', `${r.id}:${inherited.id}`),
              description: text(impl?.statement, NO_STATEMENT),
              'implementation-status': byComponentStatus(impl?.status ?? r.effective_status),
            }
          : undefined,
      ]),
      remarks: r.justification?.trim() ? r.justification.trim() : undefined,
    });
  });

  const users0: Json[] = [
    {
      uuid: oscalUuid('system-user', `${systemId}:owner`),
      title: 'System owner',
      description: `Owns ${system.name} in the register and answers for its security.`,
      'role-ids': ['system-owner'],
    },
    ...(responsibles.length > 0
      ? [
          {
            uuid: oscalUuid('system-user', `${systemId}:implementers`),
            title: 'Requirement implementers',
            description: `People responsible for implementing requirements of ${system.name}.`,
            'role-ids': ['implementation-responsible'],
          },
        ]
      : []),
  ];

  const resources = versions
    .sort((a, b) => (a.id === mainVersion ? -1 : b.id === mainVersion ? 1 : a.id.localeCompare(b.id)))
    .map((v) =>
      compact({
        uuid: ids.catalogVersion(v.id),
        title: `${v.title} ${v.version}`,
        description: `The ${v.kind === 'profile' ? 'profile' : 'catalog'} “${v.name}”, version ${v.version}${v.built_in ? ' (built into CityShield)' : ''}: the requirement list of ${system.name} comes from it.`,
        props: some([
          { name: 'version', value: str(v.version, 'unversioned') },
          csProp('document-uuid', v.document_uuid),
          csProp('oscal-version', v.oscal_version),
        ]),
        rlinks: [{ href: `/api/v1/catalog-versions/${v.id}/oscal`, 'media-type': OSCAL_JSON }],
      }),
    );

  const version = newest(
    [
      system.updated_at,
      system.classified_at,
      ...rows.map((r) => r.updated_at),
      ...used.map((k) => k.updated_at),
      ...componentImpls.map((c) => c.updated_at),
    ],
    now,
  );
  const title = `System security plan: ${system.name}`;
  const document = {
    'system-security-plan': {
      uuid: oscalUuid('ssp', systemId),
      metadata: compact({
        title,
        'last-modified': now,
        version,
        'oscal-version': EXPORT_OSCAL_VERSION,
        props: some([csProp('generator', 'CityShield')]),
        roles: [
          { id: 'system-owner', title: 'System owner' },
          { id: 'implementation-responsible', title: 'Responsible for implementing a requirement' },
          ...(providers.length > 0 ? [{ id: 'provider', title: 'Provider of a common component' }] : []),
        ],
        parties: parties(
          orgId,
          org.name,
          [...(owner ? [owner] : []), ...responsibles.map((id) => userById.get(id) as PartyUser)],
          providerParties,
        ),
        'responsible-parties': ownerRole,
      }),
      'import-profile': {
        href: `#${ids.catalogVersion(mainVersion)}`,
        remarks: main
          ? `The requirements come from ${main.title} ${main.version}, described in the back-matter.`
          : 'The requirements come from the catalog version described in the back-matter.',
      },
      'system-characteristics': compact({
        'system-ids': [
          { 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: oscalUuid('system-id', systemId) },
          { 'identifier-type': CS_SYSTEM_ID, id: systemId },
        ],
        'system-name': str(system.name, 'Unnamed system'),
        description: text(system.description, NO_DESCRIPTION),
        props: some([
          csProp('sector', system.sector),
          csProp('kind', system.kind),
          csProp('hosting', system.hosting),
          csProp('lifecycle', system.lifecycle),
          ...(JSON.parse(system.personal_data) as string[]).map((p) => csProp('personal-data', p)),
          csProp('supplier', system.supplier),
          csProp('department', department?.name),
          classified ? csProp('classification-method', method.key) : undefined,
          classified ? csProp('notation', system.notation) : undefined,
          ...(classified ? method.dimensions.map((d) => csProp('protection-need', need?.levels[d.key], d.key)) : []),
        ]),
        'security-sensitivity-level': need?.securityLevel ? levelValue(method, need.securityLevel) : undefined,
        'system-information': { 'information-types': informationTypes },
        'security-impact-level': cia
          ? {
              'security-objective-confidentiality': levelValue(method, need?.levels.confidentiality ?? ''),
              'security-objective-integrity': levelValue(method, need?.levels.integrity ?? ''),
              'security-objective-availability': levelValue(method, need?.levels.availability ?? ''),
            }
          : undefined,
        status: { state },
        'authorization-boundary': {
          description: [
            `${system.name} as registered in CityShield: ${HOSTING_TEXT[system.hosting] ?? system.hosting}${
              system.supplier ? `, with the supplier ${system.supplier}` : ''
            }.`,
            used.length > 0
              ? `It relies on the common component${used.length > 1 ? 's' : ''} ${used.map((k) => k.name).join(', ')} and inherits ${
                  used.length > 1 ? 'their' : 'its'
                } implementations where it does not implement a requirement itself.`
              : 'It uses no common components of the organisation.',
          ].join(' '),
        },
      }),
      'system-implementation': { users: users0, components },
      'control-implementation': {
        description: `How ${system.name} implements the ${rows.length} requirements that apply to it${
          main ? ` from ${main.title} ${main.version}` : ''
        }${need?.securityLevel ? ` at security level ${need.securityLevel}` : ''}. Where the system uses a common component that implements a requirement, the component’s statement is given as well.`,
        'implemented-requirements': implemented,
      },
      'back-matter': { resources },
    },
  };
  return { document, title, requirements: rows.length, components: used.length };
}
