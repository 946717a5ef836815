import { NewPlanBody, type CreatedPlan, type PlanInfo, type PlanSummary, type PublicPlan } from '@samplan/api';
import type { FastifyInstance } from 'fastify';
import {
  attentionItems,
  dayInNorway,
  emptyProgressFacts,
  progressSummary,
  urgencyOf,
  urgencyOfItem,
  type AttentionItem,
  type ProgressSummary,
} from '@samplan/plan-model';
import { z } from 'zod';
import { consentAllowsAccess, consentStatus, familyConsent } from '../access/consentCoverage.ts';
import type { PlanAccess } from '../access/PlanAccess.ts';
import type { PlanCreator } from '../access/PlanCreator.ts';
import type { CollabTokens } from '../auth/CollabTokens.ts';
import { grantableRoles } from '../access/grants.ts';
import { actionsOf, can, isFamilyRole } from '../access/roles.ts';
import type { Sessions } from '../auth/Sessions.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import type { PlanHistory } from '../documents/PlanHistory.ts';
import type { DocumentProjector } from '../documents/projections/DocumentProjector.ts';
import type { PlanFacts } from '../documents/projections/PlanFacts.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import type { ConsentStore } from '../storage/ConsentStore.ts';
import type { PlanRecord, PlanStore } from '../storage/PlanStore.ts';
import { requireSession, requireUser } from './requireUser.ts';
import { userNames } from './userNames.ts';

export const PlanParams = z.object({ id: z.string().min(1).max(64) });

export interface PlanRoutesOptions {
  sessions: Sessions;
  accounts: AccountStore;
  plans: PlanStore;
  consents: ConsentStore;
  access: PlanAccess;
  accessLog: AccessLog;
  creator: PlanCreator;
  projector: DocumentProjector;
  planHistory: PlanHistory;
  tokens: CollabTokens;
  planFacts: PlanFacts;
}

export const publicPlan = (plan: PlanRecord): PublicPlan => ({
  id: plan.id,
  title: plan.title,
  childName: plan.childName,
  createdAt: new Date(plan.createdAt).toISOString(),
});

export async function planRoutes(app: FastifyInstance, options: PlanRoutesOptions): Promise<void> {
  const { sessions, accounts, plans, consents, access, accessLog, creator, projector, planHistory } = options;
  const { tokens, planFacts } = options;

  /**
   * My plans, most pressing first, each with what needs attention named (the caseload). One still waiting for the
   * family's consent shows only its title (`access: 'venter-samtykke'`). Served from the projections, never by
   * replaying a document.
   */
  app.get('/api/plans', async (request): Promise<{ plans: PlanSummary[] }> => {
    const user = await requireUser(sessions, request);
    const mine = await plans.plansOfUser(user.id);
    const now = Date.now();
    const date = dayInNorway(now);
    const { facts, lastWrites } = await planFacts.of(mine.map((plan) => plan.id));
    const nameOf = userNames(accounts);
    const summaries = await Promise.all(
      mine.map(async (plan): Promise<PlanSummary> => {
        const planConsents = await consents.listForPlan(plan.id);
        const status = consentStatus(planConsents, user.id, plan.role, plan);
        if (!consentAllowsAccess(status)) {
          return {
            ...publicPlan(plan),
            childName: null,
            role: plan.role,
            access: 'venter-samtykke',
            progress: null,
            familyConsent: familyConsent(planConsents),
          };
        }
        // What a plan's stored values make of its progress; a plan whose values break that shows as if it had none,
        // and the member's other plans are listed as ever.
        let progress: ProgressSummary;
        let attention: AttentionItem[];
        try {
          const planFacts = facts.get(plan.id) ?? emptyProgressFacts();
          progress = progressSummary(planFacts, date);
          attention = attentionItems(planFacts, date);
        } catch (error) {
          request.log.error(
            { planId: plan.id, err: (error as Error).message },
            'could not read the progress of a plan',
          );
          progress = progressSummary(emptyProgressFacts(), date);
          attention = [];
        }
        // Consent waited for: those who manage the plan see it (the family gives it, the koordinator asks for it).
        if (can(plan.role, 'invite')) {
          if (familyConsent(planConsents) === 'venter') attention.push({ kind: 'familyConsentWaiting' });
          const members = await plans.listMembers(plan.id, now);
          const waiting = members.filter(
            (m) => !isFamilyRole(m.role) && consentStatus(planConsents, m.userId, m.role, plan) === 'mangler',
          ).length;
          if (waiting > 0) attention.push({ kind: 'consentWaiting', count: waiting });
          attention.sort((a, b) => urgencyOfItem(b) - urgencyOfItem(a));
        }
        const write = lastWrites.get(plan.id);
        return {
          ...publicPlan(plan),
          role: plan.role,
          access: 'apen',
          progress,
          attention,
          urgency: urgencyOf(attention),
          lastChange: write
            ? {
                at: new Date(write.at).toISOString(),
                by: write.userId ? { userId: write.userId, name: await nameOf(write.userId) } : null,
              }
            : null,
        };
      }),
    );
    const urgency = (summary: PlanSummary) => (summary.access === 'apen' ? summary.urgency : -1);
    summaries.sort(
      (a, b) => urgency(b) - urgency(a) || (a.childName ?? a.title).localeCompare(b.childName ?? b.title, 'nb'),
    );
    return { plans: summaries };
  });

  app.post('/api/plans', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const body = NewPlanBody.parse(request.body);
    const plan = await creator.create(user, body, await sessions.loginOf(request));
    // Projected at once, off the request: the plan list then finds its progress without replaying it.
    void projector.catchUp(plan.id);
    const created: { plan: CreatedPlan } = { plan: { ...publicPlan(plan), role: body.creatorRole } };
    return reply.status(201).send(created);
  });

  /** Plan metadata, my role and what my role may do. Logged as `plan.viewed`. */
  app.get('/api/plans/:id', async (request): Promise<{ plan: PlanInfo }> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const { plan, membership } = await access.authorize(user, id, 'read');
    await accessLog.record(plan.id, user, 'plan.viewed', { via: 'rest' });
    const [members, planConsents] = await Promise.all([
      plans.listMembers(plan.id, Date.now()),
      consents.listForPlan(plan.id),
    ]);
    const hasForesatt = members.some((member) => member.role === 'foresatt');
    return {
      plan: {
        ...publicPlan(plan),
        role: membership.role,
        family: isFamilyRole(membership.role),
        membershipEndsAt: membership.endsAt ? new Date(membership.endsAt).toISOString() : null,
        permissions: actionsOf(membership.role),
        grantableRoles: can(membership.role, 'invite') ? [...grantableRoles(membership.role, hasForesatt)] : [],
        familyConsent: familyConsent(planConsents),
      },
    };
  });

  app.post('/api/plans/:id/collab-token', async (request) => {
    const session = await requireSession(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const { plan, membership } = await access.authorize(session.user, id, 'read');
    const { token, expiresAt } = tokens.issue(membership.userId, plan.id, session.sessionId);
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  });

  app.get('/api/plans/:id/export.json', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const { plan } = await access.authorize(user, id, 'export');
    const content = await planHistory.current(plan.id);
    const logged = await accessLog.record(plan.id, user, 'plan.exported', { format: 'json' });
    reply.header('content-disposition', `attachment; filename="individuell-plan-${plan.id}.json"`);
    // The innsynslogg's head as of this export (its own entry): a later rewrite of the log would not match it.
    return { plan: publicPlan(plan), content, innsynslogg: { seq: logged.seq, hash: logged.hash } };
  });
}
