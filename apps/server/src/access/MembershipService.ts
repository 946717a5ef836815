import { LINK_PATHS, type ConsentStatus, type InviteStatus } from '@samplan/api';
import { hashToken, newId, newSecretToken } from '../auth/ids.ts';
import { grantableRoles, waitsForFamily } from './grants.ts';
import { isFamilyRole, type Role } from './roles.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import { AppError } from '../errors/AppError.ts';
import type { MailQueue } from '../mail/MailQueue.ts';
import { mailTexts } from '../mail/mailTexts.ts';
import type { AccountStore, User } from '../storage/AccountStore.ts';
import type { ConsentRecord, ConsentStore } from '../storage/ConsentStore.ts';
import type { InviteRecord, InviteStore } from '../storage/InviteStore.ts';
import type { Membership, MemberWithUser, PlanRecord, PlanStore } from '../storage/PlanStore.ts';
import type { AccessEvents } from './AccessEvents.ts';
import { consentAllowsAccess, consentStatus } from './consentCoverage.ts';
import type { Actor, PlanAccess } from './PlanAccess.ts';

export interface MembershipServiceDeps {
  plans: PlanStore;
  invites: InviteStore;
  consents: ConsentStore;
  accounts: AccountStore;
  access: PlanAccess;
  log: AccessLog;
  events: AccessEvents;
  inviteTtlHours: number;
  /** Invitations one account may make in an hour, in all its plans (each is a mail). */
  invitesPerHour: number;
  /** Base of invitation links (`<base>/invitasjon#<token>`). */
  publicUrl: string | undefined;
  /** The invitation is mailed too, with a link from `linkTo` (an absolute address of a page of the web app). */
  mail: MailQueue;
  linkTo: (path: string) => string;
  logger: { error(obj: object, msg: string): void };
  now?: () => number;
}

export interface NewInvite {
  email: string;
  role: Role;
  membershipEndsAt: number | null;
  /** Consent to share with the invited person, recorded now by a foresatt (applies once they accept). */
  consent?: { givenBy: string; note: string } | undefined;
}

/** A membership ends (revoked or expired): its sockets close with 4403 and this reason. */
export const MEMBERSHIP_ENDED_REASON = 'MEMBERSHIP_ENDED';

const MAX_TIMER_MS = 24 * 3600 * 1000;

/** Members, invitations (single-use links with an expiry) and the end of memberships. */
export class MembershipService {
  private readonly deps: MembershipServiceDeps;
  private readonly now: () => number;
  private sweepTimer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> = Promise.resolve();
  private stopped = false;
  /** After a failed sweep, wait a little before the next, rather than retrying in a tight loop. */
  private retryNotBefore = 0;

  constructor(deps: MembershipServiceDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
  }

  async listMembers(actor: Actor, planId: string): Promise<Array<MemberWithUser & { consent: ConsentStatus }>> {
    const { plan } = await this.deps.access.authorize(actor, planId, 'listMembers');
    const [members, consents] = await Promise.all([
      this.deps.plans.listMembers(planId, this.now()),
      this.deps.consents.listForPlan(planId),
    ]);
    return members.map((m) => ({ ...m, consent: consentStatus(consents, m.userId, m.role, plan) }));
  }

  /**
   * Makes an invitation and mails its link. The inviter gets the link too (to send it another way), except for an
   * invitation into the family (foresatt, barn): that link goes only to the invited address, so the person
   * accepting has shown the address is theirs, and nobody can accept it for them and act, or consent, as the family
   * (`token` and `link` null). Whoever invites: a koordinator could otherwise make a foresatt of an address of their
   * own (its link mailed to them) and, as that foresatt, get the link for the mother's address.
   */
  async invite(
    actor: User,
    planId: string,
    input: NewInvite,
  ): Promise<{ invite: InviteRecord; token: string | null; link: string | null }> {
    const granted = await this.deps.access.authorize(actor, planId, 'invite');
    const now = this.now();
    const hasForesatt = await this.hasForesatt(planId);
    if (!grantableRoles(granted.membership.role, hasForesatt).includes(input.role)) {
      await this.deps.log.record(planId, actor, 'access.refused', {
        action: 'invite',
        reason: 'role-not-grantable',
        role: input.role,
      });
      throw new AppError(
        'ROLE_NOT_GRANTABLE',
        isFamilyRole(input.role)
          ? 'Bare familien kan invitere flere i familien'
          : 'Du kan ikke gi en rolle du selv ikke kan gi videre',
      );
    }
    if (input.membershipEndsAt !== null && input.membershipEndsAt <= now) {
      throw new AppError('VALIDATION_FAILED', 'Sluttdatoen for tilgangen må være fram i tid');
    }
    if ((await this.deps.invites.countByInviterSince(actor.id, now - 60 * 60_000)) >= this.deps.invitesPerHour) {
      throw new AppError('INVITE_LIMIT', 'Du har sendt mange invitasjoner den siste timen. Vent litt og prøv igjen.');
    }
    if (input.consent) {
      if (isFamilyRole(input.role)) {
        throw new AppError('VALIDATION_FAILED', 'Familien trenger ikke samtykke for å åpne planen');
      }
      await this.deps.access.require(actor, granted, 'consent');
    }
    const token = newSecretToken();
    const invite: InviteRecord = {
      id: newId(),
      planId,
      email: input.email.toLowerCase(),
      role: input.role,
      membershipEndsAt: input.membershipEndsAt,
      invitedBy: actor.id,
      createdAt: now,
      expiresAt: now + this.deps.inviteTtlHours * 3600 * 1000,
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
      revokedBy: null,
    };
    const log = [
      await this.deps.log.entry(actor, 'member.invited', {
        inviteId: invite.id,
        email: invite.email,
        role: invite.role,
        expiresAt: new Date(invite.expiresAt).toISOString(),
        membershipEndsAt: invite.membershipEndsAt ? new Date(invite.membershipEndsAt).toISOString() : null,
      }),
    ];
    let consent: ConsentRecord | undefined;
    if (input.consent) {
      consent = {
        id: newId(),
        planId,
        kind: 'sharing',
        subjectUserId: null,
        subjectInviteId: invite.id,
        givenBy: input.consent.givenBy,
        givenAt: now,
        note: input.consent.note,
        recordedBy: actor.id,
        recordedAt: now,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalNote: null,
      };
      log.push(
        await this.deps.log.entry(actor, 'consent.recorded', {
          consentId: consent.id,
          kind: 'sharing',
          inviteId: invite.id,
          email: invite.email,
          givenBy: input.consent.givenBy,
        }),
      );
    }
    await this.deps.invites.create(invite, hashToken(token), { ...(consent && { consent }), log });
    // The mail names who invited, never the plan or the child (mail/mailTexts.ts).
    await this.deps.mail.send({
      kind: 'invitation',
      to: invite.email,
      ...mailTexts.invitation({
        inviterName: actor.name,
        link: `${this.deps.linkTo(LINK_PATHS.invitation)}#${token}`,
        expiresAt: invite.expiresAt,
      }),
    });
    if (isFamilyRole(input.role)) return { invite, token: null, link: null };
    return { invite, token, link: this.linkFor(token) };
  }

  /** The plan's invitations, each with whether it waits for the family to confirm it (`waitsForFamily`). */
  async listInvites(actor: Actor, planId: string): Promise<Array<InviteRecord & { waitsForFamily: boolean }>> {
    await this.deps.access.authorize(actor, planId, 'invite');
    const now = this.now();
    const [invites, members] = await Promise.all([
      this.deps.invites.listForPlan(planId),
      this.deps.plans.listMembers(planId, now),
    ]);
    const roleOf = new Map(members.map((member) => [member.userId, member.role]));
    const hasForesatt = members.some((member) => member.role === 'foresatt');
    return invites.map((invite) => ({
      ...invite,
      waitsForFamily:
        inviteStatus(invite, now) === 'venter' &&
        waitsForFamily(invite.role, roleOf.get(invite.invitedBy) ?? null, hasForesatt),
    }));
  }

  /**
   * A foresatt confirms an invitation into the family that someone outside it made before the family joined (a
   * koordinator who set the plan up and invited both parents, one of whom has joined): the foresatt vouches for it
   * from now on, so the link already mailed to the invited address opens the plan. Only the family does this; an
   * invitation that waits for nobody is left as it is.
   */
  async confirmInvite(actor: Actor, planId: string, inviteId: string): Promise<InviteRecord> {
    const granted = await this.deps.access.authorize(actor, planId, 'invite');
    if (granted.membership.role !== 'foresatt') {
      await this.deps.log.record(planId, actor, 'access.refused', { action: 'confirmInvite', inviteId });
      throw new AppError('FAMILY_ONLY', 'Bare familien kan godkjenne en invitasjon til familien');
    }
    const invite = await this.deps.invites.find(planId, inviteId);
    if (!invite) throw new AppError('INVITE_NOT_FOUND', 'Fant ikke invitasjonen');
    const refusal = closedBecause(invite, this.now());
    if (refusal) throw new AppError(refusal, 'Invitasjonen er ikke lenger åpen');
    const inviter = await this.deps.plans.findMembership(planId, invite.invitedBy, this.now());
    if (!waitsForFamily(invite.role, inviter?.role ?? null, true)) return invite;
    const entry = await this.deps.log.entry(actor, 'invite.confirmed', {
      inviteId,
      email: invite.email,
      role: invite.role,
      madeBy: invite.invitedBy,
    });
    if (!(await this.deps.invites.vouch(planId, inviteId, actor.id, [entry]))) {
      throw new AppError('INVITE_REVOKED', 'Invitasjonen er ikke lenger åpen');
    }
    return { ...invite, invitedBy: actor.id };
  }

  /**
   * Withdraws an invitation. One into the family is the family's to withdraw, or its inviter's: a koordinator does not
   * take back whom a foresatt invited, or confirmed, into the family.
   */
  async revokeInvite(actor: Actor, planId: string, inviteId: string): Promise<void> {
    const granted = await this.deps.access.authorize(actor, planId, 'invite');
    const invite = await this.deps.invites.find(planId, inviteId);
    if (!invite) throw new AppError('INVITE_NOT_FOUND', 'Fant ikke invitasjonen');
    if (isFamilyRole(invite.role) && invite.invitedBy !== actor.id && granted.membership.role !== 'foresatt') {
      await this.deps.log.record(planId, actor, 'access.refused', { action: 'withdrawFamilyInvite', inviteId });
      throw new AppError('FAMILY_ONLY', 'Bare familien kan trekke tilbake en invitasjon til familien');
    }
    const entry = await this.deps.log.entry(actor, 'invite.revoked', {
      inviteId,
      email: invite.email,
      role: invite.role,
    });
    if (!(await this.deps.invites.revoke(planId, inviteId, actor.id, this.now(), [entry]))) {
      throw new AppError(invite.acceptedAt ? 'INVITE_USED' : 'INVITE_REVOKED', 'Invitasjonen er ikke lenger åpen');
    }
  }

  /**
   * What the invitation link offers, for the page that accepts it. Refuses used, withdrawn and expired ones, logged
   * as tried by `actor` (whoever is logged in, if anyone).
   */
  async preview(
    token: string,
    actor: Actor | null,
  ): Promise<{
    invite: InviteRecord;
    plan: PlanRecord;
    inviterName: string;
    accountExists: boolean;
    blockedBecause: 'INVITE_NEEDS_FAMILY' | 'INVITE_INVITER_GONE' | null;
  }> {
    const invite = await this.findUsable(token, actor);
    const plan = await this.deps.plans.findPlan(invite.planId);
    if (!plan) throw new AppError('INVITE_NOT_FOUND', 'Fant ikke invitasjonen');
    const inviter = await this.deps.accounts.findUserById(invite.invitedBy);
    const account = await this.deps.accounts.findUserByEmail(invite.email);
    const refusal = await this.standingRefusal(invite);
    return {
      invite,
      plan,
      inviterName: inviter?.name ?? '',
      accountExists: Boolean(account),
      blockedBecause: refusal?.code ?? null,
    };
  }

  /** Looks the invitation up by its token; INVITE_NOT_FOUND for an unknown or altered token. */
  async findUsable(token: string, actor: Actor | null): Promise<InviteRecord> {
    const invite = await this.deps.invites.findByTokenHash(hashToken(token));
    if (!invite) throw new AppError('INVITE_NOT_FOUND', 'Fant ikke invitasjonen');
    const refusal = closedBecause(invite, this.now());
    if (refusal) {
      await this.deps.log.record(invite.planId, actor, 'invite.refused', {
        inviteId: invite.id,
        email: invite.email,
        reason: refusal,
      });
      throw new AppError(refusal, refusalMessages[refusal]);
    }
    return invite;
  }

  /**
   * Why the invitation cannot let anyone in now, whoever uses it (null when it can): one into the family that waits
   * for the family, or one its inviter no longer vouches for. The inviter vouches until it is used: one whose
   * membership has ended (or who may no longer give that role) cannot let anyone in by it, so a removed member cannot
   * come back by one made for themselves.
   */
  private async standingRefusal(
    invite: InviteRecord,
  ): Promise<{ code: 'INVITE_NEEDS_FAMILY' | 'INVITE_INVITER_GONE'; message: string } | null> {
    const inviter = await this.deps.plans.findMembership(invite.planId, invite.invitedBy, this.now());
    const hasForesatt = await this.hasForesatt(invite.planId);
    if (waitsForFamily(invite.role, inviter?.role ?? null, hasForesatt)) {
      return {
        code: 'INVITE_NEEDS_FAMILY',
        message:
          'Familien er allerede med i planen. Be noen i familien godkjenne invitasjonen din, eller invitere deg.',
      };
    }
    if (!inviter || !grantableRoles(inviter.role, hasForesatt).includes(invite.role)) {
      return {
        code: 'INVITE_INVITER_GONE',
        message:
          'Den som inviterte deg, er ikke lenger med i planen. Be familien eller koordinatoren om en ny invitasjon.',
      };
    }
    return null;
  }

  /**
   * Refuses an invitation that cannot let anyone in now (standingRefusal) before an account is made by it, logged as
   * tried by nobody logged in: a refused invitation makes no account.
   */
  async assertOpens(invite: InviteRecord): Promise<void> {
    const refusal = await this.standingRefusal(invite);
    if (!refusal) return;
    await this.deps.log.record(invite.planId, null, 'invite.refused', {
      inviteId: invite.id,
      email: invite.email,
      reason: refusal.code,
    });
    throw new AppError(refusal.code, refusal.message);
  }

  /**
   * Makes `user` a member by the invitation (the caller has logged them in or created their account). The
   * invitation is for its address only; one to the family from outside it only while the family has not joined.
   */
  async accept(user: User, invite: InviteRecord): Promise<{ planId: string; role: Role }> {
    // This person's membership of this plan, if its end has come, is ended first (its consents with it), as the
    // sweep would: one the sweep has not reached yet would otherwise be taken over by this one, with its consent.
    await this.endEnded((ended) => ended.planId === invite.planId && ended.userId === user.id);
    if (await this.deps.plans.findMembership(invite.planId, user.id, this.now())) {
      throw new AppError('ALREADY_MEMBER', 'Du er allerede med i denne planen');
    }
    const refuse = async (
      code: 'INVITE_FOR_OTHER_ADDRESS' | 'INVITE_NEEDS_FAMILY' | 'INVITE_INVITER_GONE',
      message: string,
    ) => {
      await this.deps.log.record(invite.planId, user, 'invite.refused', { inviteId: invite.id, reason: code });
      throw new AppError(code, message);
    };
    if (user.email.toLowerCase() !== invite.email) {
      await refuse(
        'INVITE_FOR_OTHER_ADDRESS',
        'Invitasjonen er sendt til en annen e-postadresse enn den du er logget inn med',
      );
    }
    const refusal = await this.standingRefusal(invite);
    if (refusal) await refuse(refusal.code, refusal.message);
    const accepted = await this.deps.log.entry(user, 'invite.accepted', {
      inviteId: invite.id,
      email: invite.email,
      accountEmail: user.email,
      role: invite.role,
      membershipEndsAt: invite.membershipEndsAt ? new Date(invite.membershipEndsAt).toISOString() : null,
    });
    const outcome = await this.deps.invites.accept(invite.id, user.id, this.now(), [accepted]);
    if (outcome !== 'accepted') {
      const code = outcome === 'used' ? 'INVITE_USED' : outcome === 'expired' ? 'INVITE_EXPIRED' : 'INVITE_REVOKED';
      await this.deps.log.record(invite.planId, user, 'invite.refused', { inviteId: invite.id, reason: code });
      throw new AppError(code, refusalMessages[code]);
    }
    if (invite.membershipEndsAt !== null) this.scheduleSweep();
    // Its link reached nobody but the invited address: whoever used it has shown the address is theirs.
    if (isFamilyRole(invite.role)) await this.deps.accounts.confirmEmail(user.id, this.now());
    return { planId: invite.planId, role: invite.role };
  }

  /**
   * Ends a membership. Only the family may remove a foresatt or barn; the plan keeps at least one foresatt or
   * koordinator. The member's open sockets close at once.
   */
  async revokeMember(actor: Actor, planId: string, userId: string): Promise<void> {
    const granted = await this.deps.access.authorize(actor, planId, 'listMembers');
    const target = await this.deps.plans.findMembership(planId, userId, this.now());
    if (!target) throw new AppError('MEMBER_NOT_FOUND', 'Fant ikke medlemmet');
    await this.deps.access.require(actor, granted, isFamilyRole(target.role) ? 'revokeFamily' : 'revokeOther');
    const members = await this.deps.plans.listMembers(planId, this.now());
    if (lastingManagers(members, userId).length === 0) {
      throw new AppError('LAST_MANAGER', 'Planen må ha minst én foresatt eller koordinator uten sluttdato');
    }
    await this.endSharingConsents(actor, planId, userId, 'member.revoked');
    const entry = await this.deps.log.entry(actor, 'member.revoked', { userId, role: target.role });
    await this.deps.plans.removeMembership(planId, userId, [entry]);
    this.deps.events.ended({ planId, userId, reason: MEMBERSHIP_ENDED_REASON });
    // Their open invitations go with them (none could be accepted any more: the inviter must be a member).
    const now = this.now();
    for (const invite of await this.deps.invites.listForPlan(planId)) {
      if (invite.invitedBy !== userId || inviteStatus(invite, now) !== 'venter') continue;
      const withdrawn = await this.deps.log.entry(actor, 'invite.revoked', {
        inviteId: invite.id,
        email: invite.email,
        role: invite.role,
      });
      await this.deps.invites.revoke(planId, invite.id, actor.id, now, [withdrawn]);
    }
  }

  /**
   * Sets or removes the end of a membership (access for a period). Needs the same right as ending it now:
   * only the family changes a foresatt's or barn's access. Returns the membership as stored (it may have ended by the
   * time the caller answers).
   */
  async setMembershipEnd(actor: Actor, planId: string, userId: string, endsAt: number | null): Promise<Membership> {
    const granted = await this.deps.access.authorize(actor, planId, 'listMembers');
    const target = await this.deps.plans.findMembership(planId, userId, this.now());
    if (!target) throw new AppError('MEMBER_NOT_FOUND', 'Fant ikke medlemmet');
    await this.deps.access.require(actor, granted, isFamilyRole(target.role) ? 'revokeFamily' : 'revokeOther');
    if (endsAt !== null && endsAt <= this.now()) {
      throw new AppError('VALIDATION_FAILED', 'Sluttdatoen for tilgangen må være fram i tid');
    }
    // An end date once set is the family's limit: only the family moves it later or lifts it (anyone allowed to end
    // the membership may set one, or bring it closer; nobody lengthens their own access).
    const lengthens = target.endsAt !== null && (endsAt === null || endsAt > target.endsAt);
    if (lengthens && granted.membership.role !== 'foresatt') {
      await this.deps.log.record(planId, actor, 'access.refused', { action: 'extendMembership', userId });
      throw new AppError(
        'FAMILY_ONLY',
        'Bare familien kan gi lengre tilgang enn sluttdatoen som er satt, eller fjerne den',
      );
    }
    // The plan keeps a manager with no end date: the last one cannot be given one.
    if (endsAt !== null && isManager(target.role)) {
      const members = await this.deps.plans.listMembers(planId, this.now());
      if (lastingManagers(members, userId).length === 0) {
        throw new AppError('LAST_MANAGER', 'Planen må ha minst én foresatt eller koordinator uten sluttdato');
      }
    }
    const updated = { ...target, endsAt };
    await this.deps.plans.putMembership(updated, [
      await this.deps.log.entry(actor, 'member.updated', {
        userId,
        role: target.role,
        endsAt: endsAt === null ? null : new Date(endsAt).toISOString(),
      }),
    ]);
    this.scheduleSweep();
    return updated;
  }

  /** The members that `consents` do not cover (who would lose access with them). */
  async uncovered(planId: string, consents: readonly ConsentRecord[]): Promise<string[]> {
    const [members, plan] = await Promise.all([
      this.deps.plans.listMembers(planId, this.now()),
      this.deps.plans.findPlan(planId),
    ]);
    if (!plan) return [];
    return members
      .filter((member) => !consentAllowsAccess(consentStatus(consents, member.userId, member.role, plan)))
      .map((member) => member.userId);
  }

  /** Closes the sockets of members the family's consent no longer covers (after a withdrawal). */
  async closeUncovered(planId: string, reason: string): Promise<string[]> {
    const closed = await this.uncovered(planId, await this.deps.consents.listForPlan(planId));
    for (const userId of closed) this.deps.events.ended({ planId, userId, reason });
    return closed;
  }

  /** Starts ending memberships at their end date (a timer set to the next end). */
  start(): void {
    this.stopped = false;
    this.scheduleSweep();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = null;
    await this.sweeping;
  }

  /** Re-arms the timer for the next membership end. */
  scheduleSweep(): void {
    if (this.stopped) return;
    this.deps.plans
      .nextMembershipEnd()
      .then((next) => {
        if (this.stopped) return;
        if (this.sweepTimer) clearTimeout(this.sweepTimer);
        this.sweepTimer = null;
        if (next === undefined) return;
        const now = this.now();
        const delay = Math.min(Math.max(0, next - now, this.retryNotBefore - now), MAX_TIMER_MS);
        this.sweepTimer = setTimeout(() => {
          this.sweepTimer = null;
          this.sweeping = this.sweep().finally(() => this.scheduleSweep());
        }, delay);
        this.sweepTimer.unref();
      })
      .catch((error: unknown) => {
        this.deps.logger.error({ err: (error as Error).message }, 'could not schedule the end of memberships');
      });
  }

  /** Ends every membership whose end has come: removes it, closes its sockets and logs it. */
  async sweep(): Promise<void> {
    try {
      await this.endEnded();
    } catch (error) {
      this.retryNotBefore = this.now() + 5000;
      this.deps.logger.error({ err: (error as Error).message }, 'could not end memberships');
    }
  }

  /** What the sweep does (for the memberships `which` picks), failing with the first error. */
  private async endEnded(which: (ended: Membership) => boolean = () => true): Promise<void> {
    for (const ended of (await this.deps.plans.endedMemberships(this.now())).filter(which)) {
      this.deps.events.ended({ planId: ended.planId, userId: ended.userId, reason: MEMBERSHIP_ENDED_REASON });
      await this.endSharingConsents(null, ended.planId, ended.userId, 'member.expired');
      await this.deps.plans.removeMembership(ended.planId, ended.userId, [
        await this.deps.log.entry(null, 'member.expired', {
          userId: ended.userId,
          role: ended.role,
          endedAt: new Date(ended.endsAt!).toISOString(),
        }),
      ]);
    }
  }

  /**
   * The family's consent to share the plan with someone ends with their membership (removed, or its end date
   * passed): it was given for that membership, so inviting the person again needs the family's consent again.
   * Written before the membership ends, so a crash in between leaves a member without consent, never a consent
   * without its membership.
   */
  private async endSharingConsents(
    actor: Actor | null,
    planId: string,
    userId: string,
    reason: 'member.revoked' | 'member.expired',
  ): Promise<void> {
    const now = this.now();
    for (const consent of await this.deps.consents.listForPlan(planId)) {
      if (consent.kind !== 'sharing' || consent.subjectUserId !== userId || consent.withdrawnAt !== null) continue;
      const entry = await this.deps.log.entry(actor, 'consent.withdrawn', {
        consentId: consent.id,
        kind: 'sharing',
        subjectUserId: userId,
        note: null,
        reason,
        accessEndedFor: [],
      });
      await this.deps.consents.withdraw(planId, consent.id, actor?.id ?? null, now, null, [entry]);
    }
  }

  private async hasForesatt(planId: string): Promise<boolean> {
    return (await this.deps.plans.listMembers(planId, this.now())).some((member) => member.role === 'foresatt');
  }

  private linkFor(token: string): string {
    const base = this.deps.publicUrl ? new URL(this.deps.publicUrl).origin : '';
    return `${base}${LINK_PATHS.invitation}#${token}`;
  }
}

const refusalMessages = {
  INVITE_REVOKED: 'Invitasjonen er trukket tilbake',
  INVITE_USED: 'Invitasjonen er allerede brukt',
  INVITE_EXPIRED: 'Invitasjonen er utløpt; be om en ny',
} as const;

export function inviteStatus(invite: InviteRecord, now: number): InviteStatus {
  if (invite.acceptedAt) return 'akseptert';
  if (invite.revokedAt) return 'trukket';
  return invite.expiresAt <= now ? 'utlopt' : 'venter';
}

const CLOSED = { akseptert: 'INVITE_USED', utlopt: 'INVITE_EXPIRED', trukket: 'INVITE_REVOKED', venter: null } as const;

/** Why an invitation can no longer be used (used, withdrawn or expired), or null while it waits. */
function closedBecause(invite: InviteRecord, now: number): (typeof CLOSED)[InviteStatus] {
  return CLOSED[inviteStatus(invite, now)];
}

/** Who manages a plan: the roles the plan must keep one of. */
const isManager = (role: Role): boolean => role === 'foresatt' || role === 'koordinator';

/** The plan's managers besides `userId` whose access has no end date. */
function lastingManagers(members: readonly MemberWithUser[], userId: string): MemberWithUser[] {
  return members.filter((m) => m.userId !== userId && isManager(m.role) && m.endsAt === null);
}
