import { NewPlanBody, type CreatedPlan, type PlanInfo, type PlanSummary, type PublicPlan } from '@samplan/api';
import type { FastifyInstance } from 'fastify';
import { emptyProgressFacts, progressSummary, type ProgressFacts } from '@samplan/plan-model';
import { z } from 'zod';
import { consentAllowsAccess, consentStatus, familyConsent } from '../access/consentCoverage.ts';
import type { PlanAccess } from '../access/PlanAccess.ts';
import type { PlanCreator } from '../access/PlanCreator.ts';
import type { CollabTokens } from '../auth/CollabTokens.ts';
import { grantableRoles } from '../access/grants.ts';
import { actionsOf, can, isFamilyRole } from '../access/roles.ts';
import type { Sessions } from '../auth/Sessions.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import type { DocumentLog } from '../documents/DocumentLog.ts';
import type { PlanHistory } from '../documents/PlanHistory.ts';
import type { DocumentProjector } from '../documents/projections/DocumentProjector.ts';
import type { ConsentStore } from '../storage/ConsentStore.ts';
import type { HistoryStore } from '../storage/HistoryStore.ts';
import type { PlanRecord, PlanStore } from '../storage/PlanStore.ts';
import { requireSession, requireUser } from './requireUser.ts';

export const PlanParams = z.object({ id: z.string().min(1).max(64) });

export interface PlanRoutesOptions {
  sessions: Sessions;
  plans: PlanStore;
  consents: ConsentStore;
  access: PlanAccess;
  accessLog: AccessLog;
  creator: PlanCreator;
  documents: DocumentLog;
  projector: DocumentProjector;
  planHistory: PlanHistory;
  history: HistoryStore;
  tokens: CollabTokens;
}

export const publicPlan = (plan: PlanRecord): PublicPlan => ({
  id: plan.id,
  title: plan.title,
  childName: plan.childName,
  createdAt: new Date(plan.createdAt).toISOString(),
});

const today = (): string => new Date().toISOString().slice(0, 10);

export async function planRoutes(app: FastifyInstance, options: PlanRoutesOptions): Promise<void> {
  const { sessions, plans, consents, access, accessLog, creator, documents, projector, planHistory, history, tokens } =
    options;

  /** Each plan's progress facts from the projections, caught up first for plans edited since. */
  const progressOf = async (planIds: string[]): Promise<Map<string, ProgressFacts>> => {
    const stored = await history.progress(planIds);
    const heads = await Promise.all(planIds.map((planId) => documents.head(planId)));
    const stale = planIds.filter((planId, i) => (stored.get(planId)?.seq ?? -1) < heads[i]!);
    if (stale.length > 0) {
      await Promise.all(stale.map((planId) => projector.catchUp(planId)));
      for (const [planId, progress] of await history.progress(stale)) stored.set(planId, progress);
    }
    return new Map([...stored].map(([planId, { facts }]) => [planId, JSON.parse(facts) as ProgressFacts]));
  };

  /** My plans. One still waiting for the family's consent shows only its title (`access: 'venter-samtykke'`). */
  app.get('/api/plans', async (request): Promise<{ plans: PlanSummary[] }> => {
    const user = await requireUser(sessions, request);
    const mine = await plans.plansOfUser(user.id);
    const date = today();
    const progress = await progressOf(mine.map((plan) => plan.id));
    return {
      plans: await Promise.all(
        mine.map(async (plan) => {
          const status = consentStatus(await consents.listForPlan(plan.id), user.id, plan.role, plan);
          if (!consentAllowsAccess(status)) {
            return {
              ...publicPlan(plan),
              childName: null,
              role: plan.role,
              access: 'venter-samtykke' as const,
              progress: null,
            };
          }
          return {
            ...publicPlan(plan),
            role: plan.role,
            access: 'apen' as const,
            progress: progressSummary(progress.get(plan.id) ?? emptyProgressFacts(), date),
          };
        }),
      ),
    };
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
