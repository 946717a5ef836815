import * as Y from 'yjs';
import { createPlanStructure, seedDemoPlan } from '@samplan/plan-model';
import { newId } from '../auth/ids.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import type { ChangeRecorder } from '../audit/ChangeRecorder.ts';
import type { DocumentLog } from '../documents/DocumentLog.ts';
import type { ConsentStore } from '../storage/ConsentStore.ts';
import type { PlanRecord, PlanStore } from '../storage/PlanStore.ts';
import { isFamilyRole, type Role } from './roles.ts';

export interface NewPlan {
  title: string;
  childName: string;
  creatorRole: Role;
  /** Fill the plan with the invented demo content. */
  demo?: boolean;
}

export interface PlanCreatorDeps {
  plans: PlanStore;
  documents: DocumentLog;
  consents: ConsentStore;
  accessLog: AccessLog;
  changes: ChangeRecorder;
}

/** Creates plans: their document structure is seeded here, once, never by a client. */
export class PlanCreator {
  private readonly deps: PlanCreatorDeps;

  constructor(deps: PlanCreatorDeps) {
    this.deps = deps;
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
    const seq = await this.deps.documents.append(plan.id, [{ update: state, userId }]);
    await this.deps.plans.createPlan(plan, input.creatorRole);
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
}
