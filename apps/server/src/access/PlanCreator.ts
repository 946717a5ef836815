import * as Y from 'yjs';
import { createPlanStructure, seedDemoPlan } from '@samplan/plan-model';
import { newId } from '../auth/ids.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import type { NewAccessLogEntry } from '../storage/AccessLogStore.ts';
import type { LoginMethod } from '../storage/AccountStore.ts';
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

  /** Creates the plan, its seeded document and its first member, in one transaction with its first log entries. */
  async create(creator: { id: string; name: string }, input: NewPlan, login: LoginMethod | null): Promise<PlanRecord> {
    const userId = creator.id;
    const plan: PlanRecord = {
      id: newId(),
      title: input.title,
      childName: input.childName,
      createdBy: userId,
      createdAt: Date.now(),
      ...(input.demo && { example: true }),
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
    // A parent who makes the plan consents to it by doing so, as this account. A plan made by a koordinator has no
    // consent until the family gives it (the consent step); meanwhile only its creator can open it.
    if (isFamilyRole(input.creatorRole)) {
      const consent: ConsentRecord = {
        id: newId(),
        planId: plan.id,
        kind: 'plan',
        subjectUserId: null,
        subjectInviteId: null,
        givenBy: creator.name,
        givenByAccount: { userId: creator.id, login },
        givenAt: plan.createdAt,
        note: 'Gitt da planen ble opprettet',
        recordedBy: creator.id,
        recordedAt: plan.createdAt,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalNote: null,
      };
      consents.push(consent);
      log.push(
        await accessLog.entry(actor, 'consent.recorded', {
          consentId: consent.id,
          kind: consent.kind,
          givenBy: consent.givenBy,
          via: login?.method ?? null,
          level: login?.level ?? null,
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
