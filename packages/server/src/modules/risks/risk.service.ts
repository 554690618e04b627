import type { RiskMatrix } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import type { Executor } from '../audit/audit.repository.js';
import type { ClassificationService } from '../classification/classification.service.js';
import type { SystemService } from '../registry/system.service.js';
import type { RiskMatrixService } from './matrix.service.js';
import { RiskChanges, type RiskCreate } from './risk-changes.js';
import type { RiskPatch, RiskRow } from './risk-common.js';
import { type RiskFilter, RiskReading } from './risk-reading.js';
import { RiskSuggestions } from './risk-suggestions.js';
import { RiskViews } from './risk-views.js';
import type { CatalogueThreat, ThreatService } from './threat.service.js';

/**
 * The risk register: scenarios on a system or a common component, rated on the organisation's
 * matrix before (inherent) and after (residual) treatment. Security officers (`risks:manage`)
 * keep every risk; system owners record and edit the risks of their own systems and see those,
 * the risks of the common components their systems use, and the risks they own. Every change is
 * audited, which is the risk's history.
 *
 * The use cases live in the parts (risk-reading, -changes with -treatments, -suggestions,
 * -views); this is the one service routes and the overview call. A change is read back here
 * after its transaction commits (inside it, only `trx` may touch the database).
 */
export class RiskService {
  private readonly riskViews: RiskViews;
  private readonly reading: RiskReading;
  private readonly changes: RiskChanges;
  private readonly suggesting: RiskSuggestions;

  constructor(
    ctx: AppContext,
    systems: SystemService,
    classification: ClassificationService,
    readonly threats: ThreatService,
    readonly matrices: RiskMatrixService,
  ) {
    this.riskViews = new RiskViews(ctx, threats, matrices);
    this.reading = new RiskReading(ctx, this.riskViews);
    this.changes = new RiskChanges(ctx, systems, threats, matrices);
    this.suggesting = new RiskSuggestions(ctx, systems, classification, threats, matrices, this.changes, this.riskViews);
  }

  views(db: Executor, actor: Actor, rows: readonly RiskRow[], matrix?: RiskMatrix, threatList?: CatalogueThreat[]) {
    return this.riskViews.views(db, actor, rows, matrix, threatList);
  }

  list(actor: Actor, f: RiskFilter, page: number, pageSize: number) {
    return this.reading.list(actor, f, page, pageSize);
  }

  get(actor: Actor, id: string, db?: Executor) {
    return this.reading.get(actor, id, db);
  }

  history(actor: Actor, id: string) {
    return this.reading.history(actor, id);
  }

  async create(actor: Actor, input: RiskCreate) {
    const id = await this.changes.create(actor, input);
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, patch: RiskPatch) {
    await this.changes.update(actor, id, patch);
    return this.get(actor, id);
  }

  remove(actor: Actor, id: string) {
    return this.changes.remove(actor, id);
  }

  suggestions(actor: Actor, systemId: string) {
    return this.suggesting.suggestions(actor, systemId);
  }

  acceptSuggestions(actor: Actor, systemId: string, threatKeys: readonly string[]) {
    return this.suggesting.acceptSuggestions(actor, systemId, threatKeys);
  }
}
