import {
  ConsentRequestBody,
  FamilyConsentBody,
  NewConsentBody,
  WithdrawConsentBody,
  type ConsentInfo,
} from '@samplan/api';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConsentService } from '../access/ConsentService.ts';
import type { Sessions } from '../auth/Sessions.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import type { ConsentRecord } from '../storage/ConsentStore.ts';
import type { InviteStore } from '../storage/InviteStore.ts';
import { PlanParams } from './planRoutes.ts';
import { requireUser } from './requireUser.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const ConsentParams = PlanParams.extend({ consentId: z.string().min(1).max(64) });

export interface ConsentRoutesOptions {
  sessions: Sessions;
  accounts: AccountStore;
  invites: InviteStore;
  consentService: ConsentService;
}

export async function consentRoutes(app: FastifyInstance, options: ConsentRoutesOptions): Promise<void> {
  const { sessions, accounts, invites, consentService } = options;

  async function toPublic(consents: ConsentRecord[]): Promise<ConsentInfo[]> {
    const names = new Map<string, string>();
    const nameOf = async (id: string | null) => {
      if (!id) return null;
      if (!names.has(id)) names.set(id, (await accounts.findUserById(id))?.name ?? '');
      return { userId: id, name: names.get(id)! };
    };
    return Promise.all(
      consents.map(async (c) => {
        let subject: ConsentInfo['subject'] = null;
        if (c.subjectUserId) subject = await nameOf(c.subjectUserId);
        else if (c.subjectInviteId) {
          subject = {
            inviteId: c.subjectInviteId,
            email: (await invites.find(c.planId, c.subjectInviteId))?.email ?? '',
          };
        }
        return {
          id: c.id,
          kind: c.kind,
          subject,
          givenBy: c.givenBy,
          givenAt: iso(c.givenAt),
          note: c.note,
          recordedBy: await nameOf(c.recordedBy),
          recordedAt: iso(c.recordedAt),
          active: c.withdrawnAt === null,
          withdrawnAt: iso(c.withdrawnAt),
          withdrawnBy: await nameOf(c.withdrawnBy),
          withdrawalNote: c.withdrawalNote,
          givenByAccount: c.givenByAccount
            ? { user: (await nameOf(c.givenByAccount.userId))!, login: c.givenByAccount.login }
            : null,
        };
      }),
    );
  }

  const toPublicOne = async (consent: ConsentRecord): Promise<ConsentInfo> => (await toPublic([consent]))[0]!;

  app.get('/api/plans/:id/consents', async (request): Promise<{ consents: ConsentInfo[] }> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    return { consents: await toPublic(await consentService.list(user, id)) };
  });

  // The consent step: a foresatt gives the family's consent as this account, as it logged in.
  app.post('/api/plans/:id/family-consent', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const answer = FamilyConsentBody.parse(request.body);
    const given = await consentService.giveAsFamily(user, await sessions.loginOf(request), id, answer);
    const recorded: { consents: ConsentInfo[] } = { consents: await toPublic(given) };
    return reply.status(201).send(recorded);
  });

  app.post('/api/plans/:id/consent-requests', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const subject = ConsentRequestBody.parse(request.body);
    return reply.status(202).send(await consentService.requestConsent(user, id, subject));
  });

  app.post('/api/plans/:id/consents', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const body = NewConsentBody.parse(request.body);
    const consent = await consentService.record(user, id, {
      ...body,
      givenAt: body.givenAt ? Date.parse(body.givenAt) : undefined,
    });
    const recorded: { consent: ConsentInfo } = { consent: await toPublicOne(consent) };
    return reply.status(201).send(recorded);
  });

  app.post('/api/plans/:id/consents/:consentId/withdraw', async (request): Promise<{ consent: ConsentInfo }> => {
    const user = await requireUser(sessions, request);
    const { id, consentId } = ConsentParams.parse(request.params);
    const body = WithdrawConsentBody.parse(request.body ?? {});
    const consent = await consentService.withdraw(user, id, consentId, body.note ?? null);
    return { consent: await toPublicOne(consent) };
  });
}
