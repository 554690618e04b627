import { type ComponentImplementation, type ImplementationStatus, inheritedFrom } from '@cityshield/core';
import type { Executor } from '../audit/audit.repository.js';
import { chunks } from './requirement-summary.js';

/**
 * Brings the inherited part of requirement rows up to date: a row the system has not overridden
 * takes the status of the best common component the system uses that implements the same control;
 * otherwise its own status. `controlIds` narrows the work when only some controls changed (a
 * component's status edit touches one control across every system that uses it).
 * Returns the systems whose rows changed, for the summary refresh.
 */
export async function refreshInheritance(db: Executor, systemIds: readonly string[], controlIds?: readonly string[]): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const ids of chunks([...new Set(systemIds)])) {
    let implQ = db
      .selectFrom('system_components')
      .innerJoin('component_requirements', 'component_requirements.component_id', 'system_components.component_id')
      .select([
        'system_components.system_id',
        'component_requirements.control_id',
        'component_requirements.component_id',
        'component_requirements.status',
      ])
      .where('system_components.system_id', 'in', ids);
    if (controlIds) implQ = implQ.where('component_requirements.control_id', 'in', [...controlIds]);
    const impls = await implQ.execute();
    const bySystemControl = new Map<string, ComponentImplementation[]>();
    for (const i of impls) {
      const key = `${i.system_id}\u0000${i.control_id}`;
      const list = bySystemControl.get(key) ?? [];
      list.push({ componentId: i.component_id, status: i.status as ImplementationStatus });
      bySystemControl.set(key, list);
    }
    let rowQ = db
      .selectFrom('system_requirements')
      .select(['id', 'system_id', 'control_id', 'status', 'override', 'component_id', 'effective_status'])
      .where('system_id', 'in', ids);
    if (controlIds) rowQ = rowQ.where('control_id', 'in', [...controlIds]);
    // Only rows that inherit now or could inherit need a look.
    if (!controlIds) rowQ = rowQ.where((eb) => eb.or([eb('component_id', 'is not', null), eb('override', '=', 0)]));
    const rows = await rowQ.execute();
    for (const r of rows) {
      const from = r.override ? undefined : inheritedFrom(bySystemControl.get(`${r.system_id}\u0000${r.control_id}`) ?? []);
      const componentId = from?.componentId ?? null;
      const effective = from?.status ?? r.status;
      if (componentId === r.component_id && effective === r.effective_status) continue;
      await db
        .updateTable('system_requirements')
        .set({ component_id: componentId, effective_status: effective })
        .where('id', '=', r.id)
        .execute();
      changed.add(r.system_id);
    }
  }
  return changed;
}
