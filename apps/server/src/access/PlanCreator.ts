import * as Y from 'yjs';
import { createPlanStructure, seedDemoPlan } from '@samplan/plan-model';
import { newId } from '../auth/ids.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import type { NewAccessLogEntry } from '../storage/AccessLogStore.ts';
import type { ConsentRecord } from '../storage/ConsentStore.ts';
import type { PlanRecord } from '../storage/PlanStore.ts';
import type { Storage } from '../storage/Storage.ts';
import { isFamilyRole, type Role } from './roles.ts';

export interface NewPlan {
  title: string;
  childName: string;
  creatorRole: Role;
  /** Fill the plan with the invented demo content. */
  demo?: boolean;
}

export interface PlanCreatorDeps {
  storage: Pick<Storage, 'createPlan'>;
  accessLog: AccessLog;
}

/** Creates plans: their document structure is seeded here, once, never by a client. */
export class PlanCreator {
  private readonly deps: PlanCreatorDeps;

  constructor(deps: PlanCreatorDeps) {
    this.deps = deps;
  }

  /**
   * Creates the plan, its seeded document and its first member, in one transaction with its first log entries.
   * A koordinator who creates a plan does so on the family's request: that is recorded as a consent covering the
   * creator, visible to the family and withdrawable like any other.
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
    const actor = { id: userId };
    const { accessLog } = this.deps;
    const log: NewAccessLogEntry[] = [
      await accessLog.entry(actor, 'plan.created', { role: input.creatorRole, demo: Boolean(input.demo) }),
    ];
    const consents: ConsentRecord[] = [];
    if (!isFamilyRole(input.creatorRole)) {
      const now = plan.createdAt;
      const consent: ConsentRecord = {
        id: newId(),
        planId: plan.id,
        kind: 'sharing',
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
      consents.push(consent);
      log.push(
        await accessLog.entry(actor, 'consent.recorded', {
          consentId: consent.id,
          kind: consent.kind,
          subjectUserId: userId,
          givenBy: consent.givenBy,
        }),
      );
    }
    await this.deps.storage.createPlan({
      plan,
      creatorRole: input.creatorRole,
      document: { update: state, userId },
      consents,
      log,
    });
    return plan;
  }
}
