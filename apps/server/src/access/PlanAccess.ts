import type { ConsentStatus } from '@samplan/api';
import { can, isFamilyRole, type Action } from './roles.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import { AppError } from '../errors/AppError.ts';
import type { ConsentStore } from '../storage/ConsentStore.ts';
import type { Membership, PlanRecord, PlanStore } from '../storage/PlanStore.ts';
import { consentAllowsAccess, consentStatus, coveredSince } from './consentCoverage.ts';

export interface Granted {
  plan: PlanRecord;
  membership: Membership;
}

export interface Actor {
  id: string;
  name?: string;
}

/**
 * The one place that decides whether a user may do something in a plan, for REST and websocket alike:
 * membership (not ended), the family's consent, then the role's permission in the matrix.
 */
export class PlanAccess {
  private readonly plans: PlanStore;
  private readonly consents: ConsentStore;
  private readonly log: AccessLog;

  constructor(plans: PlanStore, consents: ConsentStore, log: AccessLog) {
    this.plans = plans;
    this.consents = consents;
    this.log = log;
  }

  /**
   * The plan and my membership when my role may do `action`. PLAN_NOT_FOUND alike for a plan that does not
   * exist and one I am not a member of; CONSENT_REQUIRED while the family's consent does not cover me;
   * FORBIDDEN when my role may not. Refusals of members are written to the plan's access log.
   */
  async authorize(actor: Actor, planId: string, action: Action): Promise<Granted> {
    const membership = await this.plans.findMembership(planId, actor.id);
    const plan = membership && (await this.plans.findPlan(planId));
    if (!membership || !plan) throw new AppError('PLAN_NOT_FOUND', 'Fant ikke planen');
    const status = await this.consentStatusOf(membership, plan);
    if (!consentAllowsAccess(status)) {
      await this.log.record(planId, actor, 'access.refused', { action, reason: 'consent', consent: status });
      throw new AppError('CONSENT_REQUIRED', 'Familien har ikke gitt samtykke til at du kan åpne planen');
    }
    await this.require(actor, { plan, membership }, action);
    return { plan, membership };
  }

  /** Checks a further action for a member already let in (e.g. one that depends on whom it concerns). */
  async require(actor: Actor, granted: Granted, action: Action): Promise<void> {
    if (can(granted.membership.role, action)) return;
    await this.log.record(granted.plan.id, actor, 'access.refused', {
      action,
      reason: 'role',
      role: granted.membership.role,
    });
    throw new AppError('FORBIDDEN', 'Rollen din i planen gir ikke lov til dette');
  }

  async consentStatusOf(membership: Membership, plan: { createdBy: string }): Promise<ConsentStatus> {
    return consentStatus(await this.consents.listForPlan(membership.planId), membership.userId, membership.role, plan);
  }

  /**
   * Since when (ms) the plan has been open to a member without a break: the later of joining and the start of the
   * family's consent that covers them now (consentCoverage's coveredSince). -Infinity for the family.
   */
  async openSince({ plan, membership }: Granted): Promise<number> {
    if (isFamilyRole(membership.role)) return Number.NEGATIVE_INFINITY;
    const consents = await this.consents.listForPlan(plan.id);
    return Math.max(membership.createdAt, coveredSince(consents, membership.userId, membership.role, plan));
  }
}
