import { randomUUID } from 'node:crypto';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  LINK_PATHS,
  type NotificationKind,
  type NotificationSettings,
} from '@samplan/api';
import { attentionItems, dayInNorway, daysBetween } from '@samplan/plan-model';
import { consentAllowsAccess, consentStatus } from '../access/consentCoverage.ts';
import type { ConsentRequest } from '../access/ConsentService.ts';
import type { PlanFacts } from '../documents/projections/PlanFacts.ts';
import type { MailQueue } from '../mail/MailQueue.ts';
import { mailTexts, type MailText } from '../mail/mailTexts.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import type { ConsentStore } from '../storage/ConsentStore.ts';
import type { NotificationStore } from '../storage/NotificationStore.ts';
import type { PlanStore } from '../storage/PlanStore.ts';
import { participantMembers } from './participantMembers.ts';

export interface NotifierOptions {
  plans: PlanStore;
  consents: ConsentStore;
  accounts: AccountStore;
  store: NotificationStore;
  mail: MailQueue;
  planFacts: PlanFacts;
  /** Absolute address of a page of the web app, for links in mails. */
  linkTo: (path: string) => string;
  logger: { error(obj: object, msg: string): void };
  /** How long after its projection moved on a plan is looked at (passes come in bursts). */
  delayMs: number;
  /** How often every plan is looked at for what the date brings (a meeting in three days, a due evaluation). */
  sweepMs: number;
  now?: () => number;
}

/** A meeting is told this many days before, and on each day until then. */
export const MEETING_NOTICE_DAYS = 3;
/** A coming evaluation or revision is told this many days before it is due. */
export const DUE_NOTICE_DAYS = 7;

const DAY_MS = 86_400_000;

export interface NewNotification {
  userId: string;
  planId: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  dedupeKey: string;
  /** The mail that goes with it, when the user wants this kind by mail. */
  mail: MailText;
}

/**
 * Tells members what concerns them, in the app ("Varsler") and by mail as each chose: a task given to them, a
 * meeting they are in within three days, an evaluation or revision that is due (to the koordinator, or the family
 * when the plan has none), a request for consent (to the family), and a digest of changes. Each thing is told once
 * (a dedupe key per user). It reads the plans' projected facts after each projection pass (a few minutes after an
 * edit while a plan is open, at once when it closes) and on a periodic sweep, never a document, and tells only
 * members the family's consent lets in. Mails carry no plan content (mail/mailTexts.ts).
 */
export class Notifier {
  private readonly options: NotifierOptions;
  private readonly now: () => number;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(options: NotifierOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    const sweep = () => {
      this.enqueue(() => this.sweep());
      this.sweepTimer = setTimeout(sweep, this.options.sweepMs);
      this.sweepTimer.unref();
    };
    // The first sweep too waits a whole interval: what the date brings can wait that long, and a server that
    // starts (or a test) is not busy with every plan at once.
    this.sweepTimer = setTimeout(sweep, this.options.sweepMs);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.running;
  }

  /** A plan's projected facts moved on: look at it a little later. */
  planChanged(planId: string): void {
    if (this.stopped || this.timers.has(planId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(planId);
      this.enqueue(() => this.checkPlan(planId));
    }, this.options.delayMs);
    timer.unref();
    this.timers.set(planId, timer);
  }

  /** Every plan, then the digests (the periodic sweep; tests call it with a later `now`). */
  async sweep(now = this.now()): Promise<void> {
    for (const planId of await this.options.plans.allPlanIds()) {
      try {
        await this.checkPlan(planId, now);
      } catch (error) {
        // One plan that cannot be read must not keep the others, or the digests, from being looked at.
        this.options.logger.error(
          { planId, err: (error as Error).message },
          'could not check a plan for notifications',
        );
      }
    }
    await this.sendDigests(now);
  }

  /** Stores a notification (once per key) and mails it when the user wants its kind by mail. */
  async notify(notification: NewNotification, now = this.now()): Promise<boolean> {
    const { store, mail, accounts } = this.options;
    const added = await store.add({
      id: randomUUID(),
      userId: notification.userId,
      planId: notification.planId,
      kind: notification.kind,
      data: notification.data,
      dedupeKey: notification.dedupeKey,
      createdAt: now,
      readAt: null,
    });
    if (!added) return false;
    const settings = await this.settingsOf(notification.userId);
    if (settings.mail[notification.kind]) {
      const user = await accounts.findUserById(notification.userId);
      if (user) await mail.send({ kind: notification.kind, to: user.email, ...notification.mail });
    }
    return true;
  }

  /** A parent is asked for consent for someone waiting (from ConsentService.requestConsent). */
  consentRequested(request: ConsentRequest): Promise<boolean> {
    const link = this.options.linkTo(`${LINK_PATHS.plans}/${encodeURIComponent(request.planId)}/tilgang`);
    return this.notify(
      {
        userId: request.userId,
        planId: request.planId,
        kind: 'consentRequest',
        data: { byName: request.askerName },
        dedupeKey: `consentRequest:${request.once}`,
        mail: mailTexts.consentRequest({ askerName: request.askerName, link }),
      },
      request.at,
    );
  }

  async settingsOf(userId: string): Promise<NotificationSettings> {
    return (await this.options.store.settings(userId))?.settings ?? DEFAULT_NOTIFICATION_SETTINGS;
  }

  /** What the plan's facts say someone should hear about now. */
  async checkPlan(planId: string, now = this.now()): Promise<void> {
    const { plans, consents, planFacts, linkTo } = this.options;
    const plan = await plans.findPlan(planId);
    // The example content's dates say nothing about anyone's work.
    if (!plan || plan.example) return;
    const [{ facts: allFacts, lastWrites }, members, planConsents] = await Promise.all([
      // As the projections last stored them: an open plan is projected every few minutes, and replaying it here
      // after every burst of edits would cost every update CPU (measured in the bench).
      planFacts.of([planId], { catchUp: false }),
      plans.listMembers(planId, now),
      consents.listForPlan(planId),
    ]);
    const facts = allFacts.get(planId)!;
    const write = lastWrites.get(planId);
    const allowed = members.filter((m) => consentAllowsAccess(consentStatus(planConsents, m.userId, m.role, plan)));
    const today = dayInNorway(now);
    const planLink = (section?: string) =>
      linkTo(`${LINK_PATHS.plans}/${encodeURIComponent(planId)}${section ? `/${section}` : ''}`);
    const byParticipant = participantMembers(facts.participants, allowed);

    for (const task of facts.tasks) {
      if (task.done || !task.responsibleId) continue;
      const userId = byParticipant.get(task.responsibleId);
      // Someone who gives themselves a task needs no word of it.
      if (!userId || userId === write?.userId) continue;
      await this.notify(
        {
          userId,
          planId,
          kind: 'task',
          // Not who gave it: the plan's last writer need not be (a task given before its person was a member is
          // told when they are, after anyone's edit), and the log does not say who set an item's responsible.
          data: {
            title: task.title,
            ...(task.dueDate && { date: task.dueDate }),
          },
          dedupeKey: `task:${task.id}:${task.responsibleId}`,
          mail: mailTexts.task({ byName: null, link: planLink('oppgaver') }),
        },
        now,
      );
    }

    for (const meeting of facts.meetings) {
      if (meeting.status !== 'planlagt' || !meeting.date) continue;
      const days = daysBetween(today, meeting.date);
      if (days < 0 || days > MEETING_NOTICE_DAYS) continue;
      const invited = meeting.participantIds.flatMap((id) => byParticipant.get(id) ?? []);
      // A meeting that names nobody is the whole group's.
      const targets = meeting.participantIds.length > 0 ? invited : allowed.map((m) => m.userId);
      for (const userId of new Set(targets)) {
        await this.notify(
          {
            userId,
            planId,
            kind: 'meeting',
            data: { title: meeting.title, date: meeting.date, days },
            dedupeKey: `meeting:${meeting.id}:${meeting.date}`,
            mail: mailTexts.meeting({ days, link: planLink('moter') }),
          },
          now,
        );
      }
    }

    const coordinators = allowed.filter((m) => m.role === 'koordinator');
    const responsible = coordinators.length > 0 ? coordinators : allowed.filter((m) => m.role === 'foresatt');
    for (const item of attentionItems(facts, today)) {
      let what: 'evaluation' | 'revision';
      let key: string;
      let data: Record<string, unknown>;
      if (item.kind === 'evaluationOverdue' || item.kind === 'evaluationDue') {
        if (item.kind === 'evaluationDue' && item.days > DUE_NOTICE_DAYS) continue;
        what = 'evaluation';
        key = `due:${item.kind}:${item.goalId}:${item.dueDate}`;
        data = { what, title: item.title, date: item.dueDate, days: item.days };
      } else if (item.kind === 'revisionPassed' || item.kind === 'revisionDue') {
        if (item.kind === 'revisionDue' && item.days > DUE_NOTICE_DAYS) continue;
        what = 'revision';
        key = `due:${item.kind}:${item.date}`;
        data = { what, date: item.date, days: item.days };
      } else continue;
      const overdue = item.kind === 'evaluationOverdue' || item.kind === 'revisionPassed';
      for (const member of responsible) {
        await this.notify(
          {
            userId: member.userId,
            planId,
            kind: 'due',
            data: { ...data, overdue },
            dedupeKey: key,
            mail: mailTexts.due({ what, overdue, link: planLink(what === 'evaluation' ? 'evaluering' : 'periode') }),
          },
          now,
        );
      }
    }
  }

  /** The digest: to each user who chose one, once a day or a week, if someone else changed one of their plans. */
  async sendDigests(now = this.now()): Promise<void> {
    const { store, plans, consents, planFacts, accounts, mail, linkTo } = this.options;
    for (const { userId, settings, lastDigestAt } of await store.digestUsers()) {
      if (settings.digest === 'av') continue;
      const period = settings.digest === 'daglig' ? DAY_MS : 7 * DAY_MS;
      if (lastDigestAt === null) {
        // Chosen just now: the first digest covers the period from here.
        await store.setLastDigest(userId, now);
        continue;
      }
      if (now - lastDigestAt < period) continue;
      const mine = await plans.plansOfUser(userId, now);
      const open = [];
      for (const plan of mine) {
        const status = consentStatus(await consents.listForPlan(plan.id), userId, plan.role, plan);
        if (consentAllowsAccess(status)) open.push(plan.id);
      }
      const { lastWrites } = await planFacts.of(open, { catchUp: false });
      const changed = open.filter((planId) => {
        const write = lastWrites.get(planId);
        return write !== undefined && write.at > lastDigestAt && write.userId !== userId;
      }).length;
      await store.setLastDigest(userId, now);
      const user = changed > 0 ? await accounts.findUserById(userId) : undefined;
      if (!user) continue;
      await mail.send({
        kind: 'digest',
        to: user.email,
        ...mailTexts.digest({ plans: changed, weekly: settings.digest === 'ukentlig', link: linkTo('/') }),
      });
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.running = this.running.then(work).catch((error: unknown) => {
      this.options.logger.error({ err: (error as Error).message }, 'could not send notifications');
    });
  }
}
