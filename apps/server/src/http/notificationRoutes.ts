import {
  MarkReadBody,
  NotificationSettingsBody,
  type NotificationInfo,
  type NotificationList,
  type NotificationSettings,
} from '@samplan/api';
import type { FastifyInstance } from 'fastify';
import { consentAllowsAccess, consentStatus } from '../access/consentCoverage.ts';
import type { Sessions } from '../auth/Sessions.ts';
import type { Notifier } from '../notifications/Notifier.ts';
import type { ConsentStore } from '../storage/ConsentStore.ts';
import type { NotificationStore } from '../storage/NotificationStore.ts';
import type { PlanStore } from '../storage/PlanStore.ts';
import { requireUser } from './requireUser.ts';

export interface NotificationRoutesOptions {
  sessions: Sessions;
  plans: PlanStore;
  consents: ConsentStore;
  store: NotificationStore;
  notifier: Notifier;
}

const LIST_LIMIT = 100;

/** "Varsler": my notifications (only for plans I can open now), read marks, and what reaches me by mail. */
export async function notificationRoutes(app: FastifyInstance, options: NotificationRoutesOptions): Promise<void> {
  const { sessions, plans, consents, store, notifier } = options;

  app.get('/api/notifications', async (request): Promise<NotificationList> => {
    const user = await requireUser(sessions, request);
    const records = await store.list(user.id, LIST_LIMIT);
    const open = new Map<string, string | null>();
    for (const planId of new Set(records.map((r) => r.planId))) {
      const [plan, membership] = await Promise.all([plans.findPlan(planId), plans.findMembership(planId, user.id)]);
      const allowed =
        plan &&
        membership &&
        consentAllowsAccess(consentStatus(await consents.listForPlan(planId), user.id, membership.role, plan));
      open.set(planId, allowed ? plan.childName : null);
    }
    const notifications: NotificationInfo[] = records.flatMap((r) => {
      const childName = open.get(r.planId);
      if (!childName) return [];
      return [
        {
          id: r.id,
          kind: r.kind,
          planId: r.planId,
          childName,
          data: r.data as NotificationInfo['data'],
          createdAt: new Date(r.createdAt).toISOString(),
          read: r.readAt !== null,
        },
      ];
    });
    return { notifications, unread: notifications.filter((n) => !n.read).length };
  });

  app.post('/api/notifications/read', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { ids } = MarkReadBody.parse(request.body ?? {});
    await store.markRead(user.id, ids ?? null, Date.now());
    return reply.status(204).send();
  });

  app.get('/api/notification-settings', async (request): Promise<NotificationSettings> => {
    const user = await requireUser(sessions, request);
    return notifier.settingsOf(user.id);
  });

  app.put('/api/notification-settings', async (request): Promise<NotificationSettings> => {
    const user = await requireUser(sessions, request);
    const settings = NotificationSettingsBody.parse(request.body);
    await store.putSettings(user.id, settings);
    return settings;
  });
}
