import {
  AcceptInviteBody,
  InviteTokenBody,
  MemberPatchBody,
  NewInviteBody,
  type AcceptedInvite,
  type CreatedInvite,
  type InviteInfo,
  type InvitePreview,
  type MemberInfo,
} from '@samplan/api';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { inviteStatus, type MembershipService } from '../access/MembershipService.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newId } from '../auth/ids.ts';
import { isFamilyRole } from '../access/roles.ts';
import { PASSWORD_LOGIN, type Sessions } from '../auth/Sessions.ts';
import { AppError } from '../errors/AppError.ts';
import type { AccountStore, User } from '../storage/AccountStore.ts';
import { rethrowAs } from '../storage/EmailTaken.ts';
import type { InviteRecord } from '../storage/InviteStore.ts';
import { publicUser } from './authRoutes.ts';
import { PlanParams } from './planRoutes.ts';
import { requireUser } from './requireUser.ts';
import { userNames } from './userNames.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const MemberParams = PlanParams.extend({ userId: z.string().min(1).max(64) });
const InviteParams = PlanParams.extend({ inviteId: z.string().min(1).max(64) });

export interface MemberRoutesOptions {
  sessions: Sessions;
  accounts: AccountStore;
  memberships: MembershipService;
  authRateLimit: { max: number; timeWindow: string };
}

export async function memberRoutes(app: FastifyInstance, options: MemberRoutesOptions): Promise<void> {
  const { sessions, accounts, memberships } = options;
  const strict = { config: { rateLimit: options.authRateLimit } };
  const names = async (ids: Iterable<string>): Promise<Map<string, string>> => {
    const nameOf = userNames(accounts);
    const map = new Map<string, string>();
    for (const id of new Set(ids)) map.set(id, await nameOf(id));
    return map;
  };
  const publicInvite = (invite: InviteRecord, inviterName: string, waitsForFamily = false): InviteInfo => ({
    id: invite.id,
    email: invite.email,
    role: invite.role,
    status: inviteStatus(invite, Date.now()),
    createdAt: iso(invite.createdAt),
    expiresAt: iso(invite.expiresAt),
    membershipEndsAt: iso(invite.membershipEndsAt),
    invitedBy: { userId: invite.invitedBy, name: inviterName },
    acceptedAt: iso(invite.acceptedAt),
    waitsForFamily,
  });

  app.get('/api/plans/:id/members', async (request): Promise<{ members: MemberInfo[] }> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const members = await memberships.listMembers(user, id);
    return {
      members: members.map((m) => ({
        userId: m.userId,
        name: m.name,
        email: m.email,
        role: m.role,
        family: isFamilyRole(m.role),
        joinedAt: iso(m.createdAt),
        endsAt: iso(m.endsAt),
        consent: m.consent,
      })),
    };
  });

  app.delete('/api/plans/:id/members/:userId', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id, userId } = MemberParams.parse(request.params);
    await memberships.revokeMember(user, id, userId);
    return reply.status(204).send();
  });

  /** Sets (ISO 8601) or removes (null) the end of a membership. */
  app.patch('/api/plans/:id/members/:userId', async (request) => {
    const user = await requireUser(sessions, request);
    const { id, userId } = MemberParams.parse(request.params);
    const { endsAt } = MemberPatchBody.parse(request.body);
    // Answered from what was stored: an end a moment ahead may have come before the answer.
    const member = await memberships.setMembershipEnd(user, id, userId, endsAt === null ? null : Date.parse(endsAt));
    return { member: { userId: member.userId, role: member.role, endsAt: iso(member.endsAt) } };
  });

  app.get('/api/plans/:id/invites', async (request): Promise<{ invites: InviteInfo[] }> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const invites = await memberships.listInvites(user, id);
    const inviters = await names(invites.map((i) => i.invitedBy));
    return { invites: invites.map((i) => publicInvite(i, inviters.get(i.invitedBy) ?? '', i.waitsForFamily)) };
  });

  /** A foresatt confirms an invitation into the family that someone outside it made: its link opens the plan. */
  app.post('/api/plans/:id/invites/:inviteId/confirm', async (request): Promise<{ invite: InviteInfo }> => {
    const user = await requireUser(sessions, request);
    const { id, inviteId } = InviteParams.parse(request.params);
    const invite = await memberships.confirmInvite(user, id, inviteId);
    const inviters = await names([invite.invitedBy]);
    return { invite: publicInvite(invite, inviters.get(invite.invitedBy) ?? '') };
  });

  /** Creates a single-use invitation link. The token is shown only in this answer; only its hash is kept. */
  app.post('/api/plans/:id/invites', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const body = NewInviteBody.parse(request.body);
    const { invite, token, link } = await memberships.invite(user, id, {
      email: body.email,
      role: body.role,
      membershipEndsAt: body.membershipEndsAt ? Date.parse(body.membershipEndsAt) : null,
      consent: body.consent,
    });
    const created: CreatedInvite = { invite: publicInvite(invite, user.name), token, link };
    return reply.status(201).send(created);
  });

  app.delete('/api/plans/:id/invites/:inviteId', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id, inviteId } = InviteParams.parse(request.params);
    await memberships.revokeInvite(user, id, inviteId);
    return reply.status(204).send();
  });

  /** What an invitation link offers; needs no login. */
  app.post('/api/invites/preview', strict, async (request): Promise<{ invite: InvitePreview }> => {
    const { token } = InviteTokenBody.parse(request.body);
    const viewer = (await sessions.userOf(request)) ?? null;
    const { invite, plan, inviterName, accountExists, blockedBecause } = await memberships.preview(token, viewer);
    return {
      invite: {
        planTitle: plan.title,
        role: invite.role,
        email: invite.email,
        invitedBy: inviterName,
        expiresAt: iso(invite.expiresAt),
        membershipEndsAt: iso(invite.membershipEndsAt),
        accountExists,
        blockedBecause,
      },
    };
  });

  /**
   * Accepts an invitation. Logged in: links it to this account. Not logged in: creates an account for the
   * invited address with `name` and `password` (also when open registration is off) and logs it in.
   */
  app.post('/api/invites/accept', strict, async (request, reply): Promise<AcceptedInvite> => {
    const body = AcceptInviteBody.parse(request.body);
    let user: User | undefined = await sessions.userOf(request);
    let sessionMsLeft: number | null = null;
    const invite = await memberships.findUsable(body.token, user ?? null);
    if (!user) {
      if (!body.name || !body.password) {
        throw new AppError('UNAUTHENTICATED', 'Logg inn, eller oppgi navn og passord for å lage en konto');
      }
      const taken = () =>
        new AppError('EMAIL_TAKEN', 'Det finnes allerede en konto for denne adressen; logg inn først');
      if (await accounts.findUserByEmail(invite.email)) throw taken();
      await memberships.assertOpens(invite);
      user = { id: newId(), email: invite.email, name: body.name, createdAt: Date.now() };
      // Made meanwhile (the link accepted twice at once): the store refuses the second.
      await accounts.createUser({ ...user, passwordHash: await hashPassword(body.password) }).catch(rethrowAs(taken));
      sessionMsLeft = await sessions.start(reply, user.id, PASSWORD_LOGIN);
    }
    const { planId, role } = await memberships.accept(user, invite);
    return { plan: { id: planId, role }, user: publicUser(user), sessionMsLeft };
  });
}
