import * as Y from 'yjs';
import { createPlanStructure, planToJSON, progressSummary, seedDemoPlan, type PlanJSON } from '@samplan/plan-model';
import type { Role } from '../auth/roles.ts';
import { newId } from '../auth/ids.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import type { PlanRecord, PlanStore } from '../storage/PlanStore.ts';

export interface NewPlan {
  title: string;
  childName: string;
  creatorRole: Role;
  /** Fill the plan with the invented demo content. */
  demo?: boolean;
}

/** Creating plans (their document structure is seeded here, once, never by a client) and reading their content. */
export class PlanService {
  private readonly plans: PlanStore;
  private readonly documents: DocumentStore;

  constructor(plans: PlanStore, documents: DocumentStore) {
    this.plans = plans;
    this.documents = documents;
  }

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
    await this.documents.append(plan.id, [{ update: Y.encodeStateAsUpdate(doc), userId }]);
    doc.destroy();
    await this.plans.createPlan(plan, input.creatorRole);
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
