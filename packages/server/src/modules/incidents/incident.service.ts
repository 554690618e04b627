import type { Actor, AppContext } from '../../context.js';
import type { Executor } from '../audit/audit.repository.js';
import { incidentRow, type ThreatLookup } from './incident-common.js';
import { IncidentDetail } from './incident-detail.js';
import { IncidentHandling, type IncidentPatch } from './incident-handling.js';
import { type IncidentFilter, IncidentLists } from './incident-lists.js';
import { IncidentSignificance, type SignificanceInput } from './incident-nis2.js';
import { type IncidentInput, IncidentRecording } from './incident-recording.js';
import { type ActionInput, IncidentTimeline, type TimelineNote } from './incident-timeline.js';

// What routes and other modules (reports, exports) name, so they need not know the parts.
export { INCIDENT_STATUSES, type IncidentStatus, SEVERITIES } from './incident-common.js';
export type { IncidentFilter };

/**
 * Incidents: recorded from the web app or by tools with an API token (a repeated report of the
 * same event — same dedupe key, still open — is counted on the open incident instead of opening a
 * new one), handled through a dated timeline, marked significant under NIS2 with the moment of
 * awareness that starts the reporting clocks, and closed with root cause and lessons learned.
 *
 * The use cases live in the parts (incident-recording, -lists, -detail, -handling, -nis2,
 * -timeline); this is the one service routes and other modules call. A change is read back
 * here after its transaction commits (inside it, only `trx` may touch the database).
 */
export class IncidentService {
  private readonly recording: IncidentRecording;
  private readonly lists: IncidentLists;
  private readonly detail: IncidentDetail;
  private readonly handling: IncidentHandling;
  private readonly nis2: IncidentSignificance;
  private readonly timeline: IncidentTimeline;

  constructor(
    private readonly ctx: AppContext,
    threats: ThreatLookup,
  ) {
    this.timeline = new IncidentTimeline(ctx);
    this.recording = new IncidentRecording(ctx, threats, this.timeline);
    this.lists = new IncidentLists(ctx);
    this.detail = new IncidentDetail(ctx, threats);
    this.handling = new IncidentHandling(ctx, threats, this.timeline);
    this.nis2 = new IncidentSignificance(ctx, this.timeline);
  }

  get db() {
    return this.ctx.db;
  }

  /** The incident if the caller follows it (else 404); for other modules' checks. */
  row(db: Executor, actor: Actor, id: string) {
    return incidentRow(db, actor, id);
  }

  report(actor: Actor, input: IncidentInput, source: 'web' | 'api') {
    return this.recording.report(actor, input, source);
  }

  list(actor: Actor, f: IncidentFilter, page: number, pageSize: number) {
    return this.lists.list(actor, f, page, pageSize);
  }

  board(actor: Actor) {
    return this.lists.board(actor);
  }

  metrics(actor: Actor, sinceDays: number) {
    return this.lists.metrics(actor, sinceDays);
  }

  get(actor: Actor, id: string) {
    return this.detail.get(actor, id);
  }

  async update(actor: Actor, id: string, patch: IncidentPatch) {
    await this.handling.update(actor, id, patch);
    return this.get(actor, id);
  }

  async significance(actor: Actor, id: string, input: SignificanceInput) {
    await this.nis2.significance(actor, id, input);
    return this.get(actor, id);
  }

  async addEntry(actor: Actor, id: string, input: TimelineNote) {
    await this.timeline.addEntry(actor, id, input);
    return this.get(actor, id);
  }

  attachEvidence(actor: Actor, id: string, evidenceId: string, name: string) {
    return this.timeline.attachEvidence(actor, id, evidenceId, name);
  }

  async addAction(actor: Actor, id: string, input: ActionInput) {
    await this.timeline.addAction(actor, id, input);
    return this.get(actor, id);
  }
}
