import { newId } from '../auth/ids.ts';
import { isFamilyRole } from './roles.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import { AppError } from '../errors/AppError.ts';
import type { ConsentKind } from '@samplan/api';
import type { NewAccessLogEntry } from '../storage/AccessLogStore.ts';
import type { AccountStore, LoginMethod, User } from '../storage/AccountStore.ts';
import type { ConsentRecord, ConsentStore } from '../storage/ConsentStore.ts';
import type { InviteStore } from '../storage/InviteStore.ts';
import type { PlanStore } from '../storage/PlanStore.ts';
import { consentStatus, familyConsent } from './consentCoverage.ts';
import type { MembershipService } from './MembershipService.ts';
import type { Actor, PlanAccess } from './PlanAccess.ts';

export interface ConsentServiceDeps {
  plans: PlanStore;
  consents: ConsentStore;
  invites: InviteStore;
  access: PlanAccess;
  log: AccessLog;
  memberships: MembershipService;
  accounts: AccountStore;
  /** Tells a parent that consent is asked for (in the app, and by mail as they chose; notifications/Notifier). */
  notifyFamily: (request: ConsentRequest) => Promise<void>;
  now?: () => number;
}

/** A foresatt's answer in the consent step. */
export interface FamilyConsentAnswer {
  shareWithUserIds: readonly string[];
  shareWithInviteIds: readonly string[];
  note: string;
}

/** How often the family is asked again about the same waiting participant. */
const CONSENT_REQUEST_EVERY_MS = 60 * 60_000;

/** A parent to be told that consent is asked for; `once` is the same for every repeat that should not reach them. */
export interface ConsentRequest {
  userId: string;
  planId: string;
  askerName: string;
  at: number;
  once: string;
}

export interface NewConsent {
  kind: ConsentKind;
  /** For `sharing`: the member it covers, or a pending invitation (it then covers whoever accepts it). */
  subjectUserId?: string | undefined;
  inviteId?: string | undefined;
  givenBy: string;
  givenAt?: number | undefined;
  note: string;
}

/** Sockets closed because consent was withdrawn close with 4403 and this reason. */
export const CONSENT_WITHDRAWN_REASON = 'CONSENT_WITHDRAWN';

/** The family's consent (samtykke): recorded and withdrawn by a foresatt, read by every member. */
export class ConsentService {
  private readonly deps: ConsentServiceDeps;
  private readonly now: () => number;
  /** When the family was last asked about each waiting participant (`<plan> <subject>`), to ask at most hourly. */
  private readonly asked = new Map<string, number>();

  constructor(deps: ConsentServiceDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
  }

  async list(actor: Actor, planId: string): Promise<ConsentRecord[]> {
    await this.deps.access.authorize(actor, planId, 'readConsent');
    return this.deps.consents.listForPlan(planId);
  }

  async record(actor: Actor, planId: string, input: NewConsent): Promise<ConsentRecord> {
    await this.deps.access.authorize(actor, planId, 'consent');
    const now = this.now();
    let subjectUserId: string | null = null;
    let subjectInviteId: string | null = null;
    if (input.kind === 'sharing') {
      if (Boolean(input.subjectUserId) === Boolean(input.inviteId)) {
        throw new AppError('VALIDATION_FAILED', 'Samtykke til deling gjelder ett medlem eller én invitasjon');
      }
      if (input.subjectUserId) {
        const member = await this.deps.plans.findMembership(planId, input.subjectUserId, now);
        if (!member) throw new AppError('MEMBER_NOT_FOUND', 'Fant ikke medlemmet');
        if (isFamilyRole(member.role)) {
          throw new AppError('VALIDATION_FAILED', 'Familien trenger ikke samtykke for å åpne planen');
        }
        subjectUserId = member.userId;
      } else {
        const invite = await this.deps.invites.find(planId, input.inviteId!);
        if (!invite) throw new AppError('INVITE_NOT_FOUND', 'Fant ikke invitasjonen');
        if (invite.revokedAt || invite.expiresAt <= now) {
          throw new AppError(
            invite.revokedAt ? 'INVITE_REVOKED' : 'INVITE_EXPIRED',
            'Invitasjonen er ikke lenger åpen',
          );
        }
        // An invitation already accepted: the consent covers the member who accepted it.
        if (invite.acceptedBy) subjectUserId = invite.acceptedBy;
        subjectInviteId = invite.id;
      }
    } else if (input.subjectUserId || input.inviteId) {
      throw new AppError('VALIDATION_FAILED', 'Samtykke til planen gjelder ingen enkeltperson');
    }
    const givenAt = input.givenAt ?? now;
    if (givenAt > now + 60_000) throw new AppError('VALIDATION_FAILED', 'Samtykket kan ikke være gitt fram i tid');
    const consent: ConsentRecord = {
      id: newId(),
      planId,
      kind: input.kind,
      subjectUserId,
      subjectInviteId,
      givenBy: input.givenBy,
      givenAt,
      note: input.note,
      recordedBy: actor.id,
      recordedAt: now,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawalNote: null,
    };
    await this.deps.consents.create(consent, [
      await this.deps.log.entry(actor, 'consent.recorded', {
        consentId: consent.id,
        kind: consent.kind,
        subjectUserId,
        inviteId: subjectInviteId,
        givenBy: consent.givenBy,
        givenAt: new Date(givenAt).toISOString(),
      }),
    ]);
    return consent;
  }

  /**
   * The family's consent given in Samplan's consent step, by a foresatt as this account and login: consent to the
   * plan (unless one is already active) and to sharing it with each member and open invitation named. The record
   * names the account and how it logged in, not a name typed in. Everyone not named still waits for consent.
   */
  async giveAsFamily(
    actor: User,
    login: LoginMethod | null,
    planId: string,
    answer: FamilyConsentAnswer,
  ): Promise<ConsentRecord[]> {
    const { plan } = await this.deps.access.authorize(actor, planId, 'consent');
    const now = this.now();
    const existing = await this.deps.consents.listForPlan(planId);
    const record = (kind: ConsentKind, subjectUserId: string | null, subjectInviteId: string | null) => ({
      id: newId(),
      planId,
      kind,
      subjectUserId,
      subjectInviteId,
      givenBy: actor.name,
      givenByAccount: { userId: actor.id, login },
      givenAt: now,
      note: answer.note,
      recordedBy: actor.id,
      recordedAt: now,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawalNote: null,
    });
    const records: ConsentRecord[] = [];
    if (familyConsent(existing) !== 'gitt') records.push(record('plan', null, null));
    for (const userId of new Set(answer.shareWithUserIds)) {
      const member = await this.deps.plans.findMembership(planId, userId, now);
      if (!member) throw new AppError('MEMBER_NOT_FOUND', 'Fant ikke medlemmet');
      if (isFamilyRole(member.role)) continue;
      if (consentStatus(existing, userId, member.role, plan) === 'gitt') continue;
      records.push(record('sharing', userId, null));
    }
    for (const inviteId of new Set(answer.shareWithInviteIds)) {
      const invite = await this.deps.invites.find(planId, inviteId);
      if (!invite) throw new AppError('INVITE_NOT_FOUND', 'Fant ikke invitasjonen');
      if (invite.revokedAt || invite.expiresAt <= now) {
        throw new AppError(invite.revokedAt ? 'INVITE_REVOKED' : 'INVITE_EXPIRED', 'Invitasjonen er ikke lenger åpen');
      }
      records.push(record('sharing', invite.acceptedBy, invite.id));
    }
    const log: NewAccessLogEntry[] = [];
    for (const consent of records) {
      log.push(
        await this.deps.log.entry(actor, 'consent.recorded', {
          consentId: consent.id,
          kind: consent.kind,
          subjectUserId: consent.subjectUserId,
          inviteId: consent.subjectInviteId,
          givenBy: consent.givenBy,
          givenAt: new Date(now).toISOString(),
          via: login?.method ?? null,
          level: login?.level ?? null,
        }),
      );
    }
    await this.deps.consents.createAll(records, log);
    return records;
  }

  /**
   * A koordinator (or anyone who may invite) asks the family to consent for a participant who waits for it: every
   * foresatt of the plan is told who asks (a notification, and a mail linking to the plan's access page). Asked at most hourly
   * per participant; a repeat within the hour is answered alike and sends nothing.
   */
  async requestConsent(
    actor: User,
    planId: string,
    subject: { subjectUserId?: string | undefined; inviteId?: string | undefined },
  ): Promise<{ notified: number }> {
    const { plan } = await this.deps.access.authorize(actor, planId, 'invite');
    const now = this.now();
    const consents = await this.deps.consents.listForPlan(planId);
    let key: string;
    if (subject.subjectUserId) {
      const member = await this.deps.plans.findMembership(planId, subject.subjectUserId, now);
      if (!member) throw new AppError('MEMBER_NOT_FOUND', 'Fant ikke medlemmet');
      const status = consentStatus(consents, member.userId, member.role, plan);
      if (status === 'ikke-nodvendig' || status === 'gitt') {
        throw new AppError('VALIDATION_FAILED', 'Denne personen venter ikke på samtykke');
      }
      key = `${planId} user:${member.userId}`;
    } else {
      const invite = await this.deps.invites.find(planId, subject.inviteId!);
      if (!invite || invite.revokedAt || invite.expiresAt <= now) {
        throw new AppError('INVITE_NOT_FOUND', 'Fant ikke invitasjonen');
      }
      if (isFamilyRole(invite.role)) throw new AppError('VALIDATION_FAILED', 'Familien trenger ikke samtykke');
      key = `${planId} invite:${invite.id}`;
    }
    const family = (await this.deps.plans.listMembers(planId, now)).filter((m) => m.role === 'foresatt');
    if ((this.asked.get(key) ?? -Infinity) > now - CONSENT_REQUEST_EVERY_MS) return { notified: family.length };
    if (this.asked.size > 10_000) this.asked.clear();
    this.asked.set(key, now);
    await this.deps.log.record(planId, actor, 'consent.requested', {
      subjectUserId: subject.subjectUserId ?? null,
      inviteId: subject.inviteId ?? null,
      notified: family.map((m) => m.userId),
    });
    for (const member of family) {
      // Once per person waiting and clock hour, also when another instance was asked the same meanwhile.
      const once = `${key}:${Math.floor(now / CONSENT_REQUEST_EVERY_MS)}`;
      await this.deps.notifyFamily({ userId: member.userId, planId, askerName: actor.name, at: now, once });
    }
    return { notified: family.length };
  }

  /** Withdraws a consent; whoever it no longer covers loses access at once (open sockets close with 4403). */
  async withdraw(actor: Actor, planId: string, consentId: string, note: string | null): Promise<ConsentRecord> {
    await this.deps.access.authorize(actor, planId, 'consent');
    const consent = await this.deps.consents.find(planId, consentId);
    if (!consent) throw new AppError('CONSENT_NOT_FOUND', 'Fant ikke samtykket');
    const now = this.now();
    // Who loses access is known before the withdrawal is written, so the log entry goes in with it.
    const consents = (await this.deps.consents.listForPlan(planId)).map((c) =>
      c.id === consentId ? { ...c, withdrawnAt: now } : c,
    );
    const losing = await this.deps.memberships.uncovered(planId, consents);
    const entry = await this.deps.log.entry(actor, 'consent.withdrawn', {
      consentId,
      kind: consent.kind,
      subjectUserId: consent.subjectUserId,
      note,
      accessEndedFor: losing,
    });
    if (!(await this.deps.consents.withdraw(planId, consentId, actor.id, now, note, [entry]))) {
      throw new AppError('CONSENT_ALREADY_WITHDRAWN', 'Samtykket er allerede trukket tilbake');
    }
    await this.deps.memberships.closeUncovered(planId, CONSENT_WITHDRAWN_REASON);
    return (await this.deps.consents.find(planId, consentId))!;
  }
}
