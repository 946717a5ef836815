import type { AccessLogEntry } from '@samplan/api';
import { isPlanPart } from '@samplan/plan-model';
import { decodeUpdateRefusal, UpdateRefusal } from '@samplan/protocol';
import { formatTime, nbAccess } from '../i18n/index.ts';
import { lastDayOf } from './accessDates.ts';

const t = nbAccess.log;
const d = t.describe;

export type LogCategory = 'views' | 'changes' | 'access';

export interface DescribedEntry {
  seq: number;
  at: string;
  /** Who did it, as the log recorded their name; null for what Samplan did by itself (an access that ran out). */
  actor: { userId: string; name: string } | null;
  /** Who did it when it was nobody with an account (an invitation's link used without logging in). */
  notLoggedIn?: true;
  text: string;
  category: LogCategory;
}

/** Names and e-mail addresses the details of entries refer to by id. */
export interface LogNames {
  users: ReadonlyMap<string, string>;
  invites: ReadonlyMap<string, string>;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Collects who is who from the log itself (actors, invitations) and from the current members. */
export function namesOf(
  entries: readonly AccessLogEntry[],
  members: ReadonlyArray<{ userId: string; name: string }>,
): LogNames {
  const users = new Map<string, string>();
  const invites = new Map<string, string>();
  for (const entry of entries) {
    if (entry.actor?.name) users.set(entry.actor.userId, entry.actor.name);
    const inviteId = str(entry.details.inviteId);
    const email = str(entry.details.email);
    if (inviteId && email) invites.set(inviteId, email);
  }
  for (const member of members) if (member.name) users.set(member.userId, member.name);
  return { users, invites };
}

const actionName = (action: string): string =>
  t.actions[action] ?? (action.startsWith('edit:') ? t.actionEdit : t.actionOther);

const CATEGORY: Record<string, LogCategory> = {
  'plan.viewed': 'views',
  'plan.opened': 'views',
  'plan.exported': 'views',
  'access.refused': 'views',
  'plan.created': 'changes',
  'plan.changed': 'changes',
  'edit.refused': 'changes',
  'version.viewed': 'views',
  'version.compared': 'views',
  'history.viewed': 'views',
  'version.named': 'changes',
  'plan.restored': 'changes',
};

/** One entry of the innsynslogg in plain Norwegian: who, and what they did. */
export function describeLogEntry(entry: AccessLogEntry, names: LogNames): DescribedEntry {
  const details = entry.details;
  const user = (id: unknown): string => (typeof id === 'string' && names.users.get(id)) || t.someone;
  const role = str(details.role) ?? '';
  const actor = entry.actor
    ? { userId: entry.actor.userId, name: entry.actor.name || names.users.get(entry.actor.userId) || t.unknownPerson }
    : null;
  const sharingSubject = (): string | null => {
    const userId = str(details.subjectUserId);
    if (userId) return user(userId);
    const email = str(details.email) ?? (str(details.inviteId) ? names.invites.get(str(details.inviteId)!) : undefined);
    return email ?? null;
  };

  let text: string;
  switch (entry.action) {
    case 'plan.created':
      text = d.created(role) + (details.demo === true ? ` ${d.createdDemo}` : '');
      break;
    case 'plan.viewed':
      text = d.viewed;
      break;
    case 'plan.opened':
      text = details.canWrite === false ? d.openedReadOnly : d.opened;
      break;
    case 'plan.exported':
      text = d.exported;
      break;
    case 'plan.changed': {
      const parts = Array.isArray(details.parts) ? details.parts.filter(isPlanPart) : [];
      const from = str(details.from);
      const to = str(details.to);
      const span = from && to ? ` (${d.changedBetween(formatTime(from), formatTime(to))})` : '';
      text = d.changed(parts.map((part) => t.parts[part])) + span;
      break;
    }
    case 'access.refused':
      text = details.reason === 'consent' ? d.refusedConsent : d.refusedRole(actionName(str(details.action) ?? ''));
      break;
    case 'edit.refused': {
      const { code, detail } = decodeUpdateRefusal(str(details.reason) ?? '');
      text =
        code === UpdateRefusal.writeBudgetSpent
          ? d.editHeldBack
          : code === UpdateRefusal.partReadOnly && isPlanPart(detail)
            ? d.editRefusedPart(t.parts[detail])
            : code === UpdateRefusal.readOnly
              ? d.editRefused
              : d.editRefusedOther;
      break;
    }
    case 'member.invited': {
      const until = lastDayOf(str(details.membershipEndsAt));
      text = d.invited(str(details.email) ?? '', role) + (until ? `, ${d.accessUntil(until)}` : '');
      break;
    }
    case 'invite.revoked':
      text = d.inviteRevoked(str(details.email) ?? '');
      break;
    case 'invite.confirmed':
      text = d.inviteConfirmed(str(details.email) ?? '', role);
      break;
    case 'invite.accepted': {
      const invited = str(details.email);
      const account = str(details.accountEmail);
      text = d.accepted(role) + (invited && account && invited !== account ? ` (${d.acceptedAs(invited)})` : '');
      break;
    }
    case 'invite.refused': {
      const reason = d.inviteRefusedReason[str(details.reason) ?? ''] ?? d.inviteRefusedOther;
      const email = str(details.email);
      text = !actor && email ? d.inviteRefusedByLink(email, reason) : d.inviteRefused(reason);
      break;
    }
    case 'member.revoked':
      text = d.memberRevoked(user(details.userId), role);
      break;
    case 'member.updated': {
      const until = lastDayOf(str(details.endsAt));
      text = until ? d.memberEndSet(user(details.userId), until) : d.memberEndRemoved(user(details.userId));
      break;
    }
    case 'member.expired':
      text = d.memberExpired(user(details.userId), role);
      break;
    case 'consent.recorded': {
      const givenBy = str(details.givenBy) ?? t.unknownPerson;
      text =
        details.kind === 'plan' ? d.consentPlan(givenBy) : d.consentSharing(sharingSubject() ?? t.someone, givenBy);
      const via = str(details.via);
      if (via) text += d.consentVia(via, str(details.level) ?? null);
      break;
    }
    case 'consent.requested':
      text = d.consentRequested;
      break;
    case 'consent.withdrawn': {
      const subject = sharingSubject();
      if (details.reason === 'member.revoked' || details.reason === 'member.expired') {
        text = d.consentEndedWithMembership(subject ?? t.someone);
        break;
      }
      text =
        details.kind === 'plan'
          ? d.consentWithdrawnPlan
          : subject
            ? d.consentWithdrawnSharing(subject)
            : d.consentWithdrawnSharingUnknown;
      const ended = Array.isArray(details.accessEndedFor) ? details.accessEndedFor.map(user) : [];
      if (ended.length > 0) text += `. ${d.accessEnded(ended)}`;
      break;
    }
    case 'version.named':
      text = d.versionNamed(str(details.name) ?? '');
      break;
    case 'plan.restored': {
      const part = isPlanPart(details.part) ? t.parts[details.part] : null;
      text =
        details.scope === 'part' && part
          ? d.restoredPart(part)
          : details.scope === 'item'
            ? d.restoredItem
            : d.restoredPlan;
      break;
    }
    case 'version.viewed':
      text = d.versionViewed;
      break;
    case 'version.compared':
      text = d.versionCompared;
      break;
    case 'history.viewed':
      text = d.historyViewed;
      break;
    default:
      text = d.other(entry.action);
  }
  const described = { seq: entry.seq, at: entry.at, actor, text, category: CATEGORY[entry.action] ?? 'access' };
  // Tried through an invitation's link without an account: nobody's doing in Samplan, so not Samplan's either.
  return entry.action === 'invite.refused' && !actor ? { ...described, notLoggedIn: true } : described;
}

const SAME_OPEN_MS = 60_000;

/**
 * Opening the plan reads its metadata over REST and opens the live document over the websocket, and asks what others
 * changed since the last visit (`version.compared` marked `sinceLastVisit` by the server, after the last version:
 * `history.viewed` marked `latestOnly`): entries for one visit.
 * Leaves out those that have a `plan.opened` by the same person within a minute (every entry stays in the log and
 * the export); any other comparison is shown.
 */
export function withoutDoubleOpens(entries: readonly AccessLogEntry[]): AccessLogEntry[] {
  const opens = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.action !== 'plan.opened' || !entry.actor) continue;
    const list = opens.get(entry.actor.userId) ?? [];
    list.push(Date.parse(entry.at));
    opens.set(entry.actor.userId, list);
  }
  return entries.filter((entry) => {
    const partOfOpening =
      entry.action === 'plan.viewed' ||
      (entry.action === 'version.compared' && entry.details.sinceLastVisit === true) ||
      (entry.action === 'history.viewed' && entry.details.latestOnly === true);
    if (!partOfOpening || !entry.actor) return true;
    const at = Date.parse(entry.at);
    return !(opens.get(entry.actor.userId) ?? []).some((open) => Math.abs(open - at) <= SAME_OPEN_MS);
  });
}

/** Openings by one person this close after their last are the same stay (a phone reconnecting, a reload). */
const REPEAT_OPEN_MS = 10 * 60_000;

/**
 * The log's entries, in order, as the lines the innsynslogg shows: one person opening the plan again and again
 * within minutes of the last time, with nothing else done by them in between, is one line that says how often
 * and when («Åpnet planen (12 ganger, kl. 10:02–10:04)»). Every entry is still in the log and in the export.
 */
export function describeLogLines(entries: readonly AccessLogEntry[], names: LogNames): DescribedEntry[] {
  const runs: Array<{ first: AccessLogEntry; lastAt: string; times: number }> = [];
  const openRun = new Map<string, number>();
  for (const entry of withoutDoubleOpens(entries)) {
    const actor = entry.actor?.userId;
    if (actor !== undefined && entry.action === 'plan.opened') {
      const index = openRun.get(actor);
      const run = index === undefined ? undefined : runs[index]!;
      if (
        run &&
        run.first.details.canWrite === entry.details.canWrite &&
        Date.parse(entry.at) - Date.parse(run.lastAt) <= REPEAT_OPEN_MS
      ) {
        run.times += 1;
        run.lastAt = entry.at;
        continue;
      }
      openRun.set(actor, runs.length);
    } else if (actor !== undefined) {
      openRun.delete(actor);
    }
    runs.push({ first: entry, lastAt: entry.at, times: 1 });
  }
  return runs.map(({ first, lastAt, times }) => {
    const line = describeLogEntry(first, names);
    if (times === 1) return line;
    const when = d.changedBetween(formatTime(first.at), formatTime(lastAt));
    return { ...line, text: `${line.text} (${t.openedTimes(times)}, ${when})` };
  });
}
