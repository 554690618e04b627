import type { Actor, Trx } from '../../context.js';
import type { ErrorDetail } from '../../errors.js';
import type { RiskPatch, RiskState } from './risk-common.js';
import { knownControls } from './risk-controls.js';

/**
 * The treatments and the fields each owns: reduce (the linked controls), accept (an active
 * approver, an expiry not in the past, a reason) and transfer (to whom); avoid owns none.
 */

/**
 * A risk's next state from a patch, and whether an acceptance is (re)given — only then is its
 * expiry checked against today, so an acceptance that has since expired does not block other edits.
 */
export function applyPatch(before: RiskState, patch: RiskPatch): { next: RiskState; acceptanceChanged: boolean } {
  const treatment = patch.treatment ?? before.treatment;
  // Fields of another treatment are dropped when the treatment changes, unless sent again (then refused).
  const next: RiskState = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    treatment,
    acceptance: patch.acceptance !== undefined ? patch.acceptance : treatment === 'accept' ? before.acceptance : null,
    transferTo: patch.transferTo !== undefined ? patch.transferTo : treatment === 'transfer' ? before.transferTo : null,
    controlIds: patch.controlIds !== undefined ? [...new Set(patch.controlIds)] : treatment === 'reduce' ? before.controlIds : [],
  };
  // A new inherent rating with no residual given: the residual follows where it would exceed it.
  if (patch.inherent && !patch.residual) {
    next.residual = {
      likelihood: Math.min(before.residual.likelihood, next.inherent.likelihood),
      impact: Math.min(before.residual.impact, next.inherent.impact),
    };
  }
  const acceptanceChanged =
    treatment === 'accept' && (before.treatment !== 'accept' || JSON.stringify(next.acceptance) !== JSON.stringify(before.acceptance));
  return { next, acceptanceChanged };
}

/** What is wrong with the treatment's fields of `s` (none: an empty list), in the order the API reports them. */
export async function treatmentProblems(
  trx: Trx,
  actor: Actor,
  s: RiskState,
  target: { systemId: string | null },
  acceptanceChanged: boolean,
  today: string,
): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  if (s.treatment === 'accept') {
    const a = s.acceptance;
    if (!a) {
      details.push({ path: 'acceptance', message: 'accepting a risk needs a named approver, an expiry date and a reason' });
    } else {
      const u = await trx
        .selectFrom('users')
        .select(['id', 'disabled'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', a.approverId)
        .executeTakeFirst();
      if (!u || u.disabled === 1) details.push({ path: 'acceptance.approverId', message: 'not an active user of this organisation' });
      if (acceptanceChanged && a.expiresOn < today) details.push({ path: 'acceptance.expiresOn', message: 'must not be in the past' });
      if (!a.reason.trim()) details.push({ path: 'acceptance.reason', message: 'required' });
    }
  } else if (s.acceptance) {
    details.push({ path: 'acceptance', message: 'only for the "accept" treatment' });
  }
  if (s.treatment === 'transfer') {
    if (!s.transferTo?.trim()) details.push({ path: 'transferTo', message: 'name who the risk is transferred to (insurer, supplier …)' });
  } else if (s.transferTo) {
    details.push({ path: 'transferTo', message: 'only for the "transfer" treatment' });
  }
  if (s.controlIds.length > 0) {
    if (s.treatment !== 'reduce') details.push({ path: 'controlIds', message: 'linked requirements belong to the "reduce" treatment' });
    const known = await knownControls(trx, actor.orgId, s.controlIds);
    if (target.systemId) {
      const own = await trx
        .selectFrom('system_requirements')
        .select('control_id')
        .where('system_id', '=', target.systemId)
        .where('control_id', 'in', s.controlIds)
        .execute();
      for (const o of own) known.add(o.control_id);
    }
    const missing = s.controlIds.filter((c) => !known.has(c));
    if (missing.length > 0) details.push({ path: 'controlIds', message: `unknown control ${missing.map((m) => `"${m}"`).join(', ')}` });
  }
  return details;
}
