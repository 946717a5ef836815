import * as Y from 'yjs';
import { createPlanStructure, planToJSON, progressSummary, seedDemoPlan, type PlanJSON } from '@samplan/plan-model';
import { isFamilyRole, type Role } from '../auth/roles.ts';
import { newId } from '../auth/ids.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import type { ChangeRecorder } from '../audit/ChangeRecorder.ts';
import type { ConsentStore } from '../storage/ConsentStore.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import type { PlanRecord, PlanStore } from '../storage/PlanStore.ts';

export interface NewPlan {
  title: string;
  childName: string;
  creatorRole: Role;
  /** Fill the plan with the invented demo content. */
  demo?: boolean;
}

export interface PlanServiceDeps {
  plans: PlanStore;
  documents: DocumentStore;
  consents: ConsentStore;
  accessLog: AccessLog;
  changes: ChangeRecorder;
}

/** Creating plans (their document structure is seeded here, once, never by a client) and reading their content. */
export class PlanService {
  private readonly plans: PlanStore;
  private readonly documents: DocumentStore;
  private readonly deps: PlanServiceDeps;

  constructor(deps: PlanServiceDeps) {
    this.deps = deps;
    this.plans = deps.plans;
    this.documents = deps.documents;
  }

  /**
   * Creates the plan, its seeded document and its first member. A koordinator who creates a plan does so on
   * the family's request: that is recorded as a consent covering the creator, visible to the family and
   * withdrawable like any other.
   */
  async create(userId: string, input: NewPlan): Promise<PlanRecord> {
    const plan: PlanRecord = {
      id: newId(),
      title: input.title,
      childName: input.childName,
      createdBy: userId,
      createdAt: Date.now(),
    };
    const doc = new Y.Doc();
    createPlanStructure(doc, {
      title: input.title,
      childName: input.childName,
      createdAt: new Date(plan.createdAt).toISOString(),
    });
    if (input.demo) seedDemoPlan(doc);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const seq = await this.documents.append(plan.id, [{ update: state, userId }]);
    await this.plans.createPlan(plan, input.creatorRole);
    await this.deps.changes.startAt(plan.id, seq, state);
    const actor = { id: userId };
    await this.deps.accessLog.record(plan.id, actor, 'plan.created', {
      role: input.creatorRole,
      demo: Boolean(input.demo),
    });
    if (!isFamilyRole(input.creatorRole)) {
      const now = Date.now();
      const consent = {
        id: newId(),
        planId: plan.id,
        kind: 'sharing' as const,
        subjectUserId: userId,
        subjectInviteId: null,
        givenBy: 'Familien (registrert av koordinatoren som opprettet planen)',
        givenAt: now,
        note: 'Registrert da planen ble opprettet',
        recordedBy: userId,
        recordedAt: now,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalNote: null,
      };
      await this.deps.consents.create(consent);
      await this.deps.accessLog.record(plan.id, actor, 'consent.recorded', {
        consentId: consent.id,
        kind: consent.kind,
        subjectUserId: userId,
        givenBy: consent.givenBy,
      });
    }
    return plan;
  }

  /** The plan's committed content as a fresh Y.Doc (the caller destroys it). */
  async loadDoc(planId: string): Promise<Y.Doc> {
    const loaded = await this.documents.load(planId);
    const doc = new Y.Doc();
    doc.transact(() => {
      if (loaded.checkpoint) Y.applyUpdate(doc, loaded.checkpoint);
      for (const update of loaded.updates) Y.applyUpdate(doc, update);
    });
    return doc;
  }

  async toJSON(planId: string): Promise<PlanJSON> {
    const doc = await this.loadDoc(planId);
    try {
      return planToJSON(doc);
    } finally {
      doc.destroy();
    }
  }

  async summary(planId: string, today: string): Promise<ReturnType<typeof progressSummary>> {
    return progressSummary(await this.toJSON(planId), today);
  }
}
