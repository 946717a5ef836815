import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CollabTokens } from '../auth/CollabTokens.ts';
import type { Sessions } from '../auth/Sessions.ts';
import { AppError } from '../errors/AppError.ts';
import type { PlanService } from '../plans/PlanService.ts';
import type { Membership, PlanRecord, PlanStore } from '../storage/PlanStore.ts';
import { requireUser } from './requireUser.ts';

const CreatePlanBody = z.object({
  title: z.string().trim().min(1).max(200),
  childName: z.string().trim().min(1).max(200),
  creatorRole: z.enum(['foresatt', 'koordinator']).default('koordinator'),
  demo: z.boolean().optional(),
});

const PlanParams = z.object({ id: z.string().min(1).max(64) });

export interface PlanRoutesOptions {
  sessions: Sessions;
  plans: PlanStore;
  planService: PlanService;
  tokens: CollabTokens;
}

const publicPlan = (plan: PlanRecord) => ({
  id: plan.id,
  title: plan.title,
  childName: plan.childName,
  createdAt: new Date(plan.createdAt).toISOString(),
});

const today = (): string => new Date().toISOString().slice(0, 10);

export async function planRoutes(app: FastifyInstance, options: PlanRoutesOptions): Promise<void> {
  const { sessions, plans, planService, tokens } = options;

  /** The plan and my membership; PLAN_NOT_FOUND alike for a missing plan and one I may not see. */
  async function requireMember(request: FastifyRequest): Promise<{ plan: PlanRecord; membership: Membership }> {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const membership = await plans.findMembership(id, user.id);
    const plan = membership && (await plans.findPlan(id));
    if (!membership || !plan) throw new AppError('PLAN_NOT_FOUND', 'Fant ikke planen');
    return { plan, membership };
  }

  app.get('/api/plans', async (request) => {
    const user = await requireUser(sessions, request);
    const mine = await plans.plansOfUser(user.id);
    const date = today();
    return {
      plans: await Promise.all(
        mine.map(async (plan) => ({
          ...publicPlan(plan),
          role: plan.role,
          progress: await planService.summary(plan.id, date),
        })),
      ),
    };
  });

  app.post('/api/plans', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const body = CreatePlanBody.parse(request.body);
    const plan = await planService.create(user.id, body);
    return reply.status(201).send({ plan: { ...publicPlan(plan), role: body.creatorRole } });
  });

  app.get('/api/plans/:id', async (request) => {
    const { plan, membership } = await requireMember(request);
    return { plan: { ...publicPlan(plan), role: membership.role } };
  });

  app.post('/api/plans/:id/collab-token', async (request) => {
    const { plan, membership } = await requireMember(request);
    const { token, expiresAt } = tokens.issue(membership.userId, plan.id);
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  });

  app.get('/api/plans/:id/export.json', async (request, reply) => {
    const { plan } = await requireMember(request);
    const content = await planService.toJSON(plan.id);
    reply.header('content-disposition', `attachment; filename="individuell-plan-${plan.id}.json"`);
    return { plan: publicPlan(plan), content };
  });
}

