import { newId } from '../auth/ids.ts';
import { isFamilyRole } from './roles.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import { AppError } from '../errors/AppError.ts';
import type { ConsentKind } from '@samplan/api';
import type { ConsentRecord, ConsentStore } from '../storage/ConsentStore.ts';
import type { InviteStore } from '../storage/InviteStore.ts';
import type { PlanStore } from '../storage/PlanStore.ts';
import type { MembershipService } from './MembershipService.ts';
import type { Actor, PlanAccess } from './PlanAccess.ts';

export interface ConsentServiceDeps {
  plans: PlanStore;
  consents: ConsentStore;
  invites: InviteStore;
  access: PlanAccess;
  log: AccessLog;
  memberships: MembershipService;
  now?: () => number;
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
