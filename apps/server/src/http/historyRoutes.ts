import {
  ChangesQuery,
  DeletionsQuery,
  NameVersionBody,
  RestoreBody,
  VersionListQuery,
  VersionParams,
  type ChangeList,
  type DeletionList,
  type HistoryPerson,
  type Restored,
  type VersionExport,
  type VersionInfo,
  type VersionList,
  deletionAskedKey,
} from '@samplan/api';
import { partOfCollection, type RestoreScope } from '@samplan/plan-model';
import type { FastifyInstance } from 'fastify';
import type { Granted, PlanAccess } from '../access/PlanAccess.ts';
import { editAction, type Action } from '../access/roles.ts';
import type { Sessions } from '../auth/Sessions.ts';
import type { AccessLog } from '../audit/AccessLog.ts';
import { oncePer } from '../audit/oncePer.ts';
import type { DocumentLog } from '../documents/DocumentLog.ts';
import { HistoryError } from '../documents/HistoryError.ts';
import type { PlanHistory } from '../documents/PlanHistory.ts';
import { AppError } from '../errors/AppError.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import type { HistoryStore } from '../storage/HistoryStore.ts';
import { PlanParams, publicPlan } from './planRoutes.ts';
import { requireUser } from './requireUser.ts';
import { userNames } from './userNames.ts';

export interface HistoryRoutesOptions {
  sessions: Sessions;
  accounts: AccountStore;
  access: PlanAccess;
  accessLog: AccessLog;
  planHistory: PlanHistory;
  history: HistoryStore;
  documents: DocumentLog;
}

const iso = (ms: number): string => new Date(ms).toISOString();
/** How far back "recently removed" reaches when the client does not say. */
const DELETIONS_DEFAULT_MS = 30 * 24 * 3600 * 1000;
/** How far back `…/deletions?items=` reaches: the removal notice asks within seconds of seeing an item go. */
const DELETIONS_ASKED_RECENT_MS = 60 * 60_000;
/** How long one member's reads of the history count as one look at it, in the innsynslogg. */
const HISTORY_READ_LOGGED_MS = 10 * 60_000;
/** Removed items named per version; the rest are counted. */
const REMOVED_SHOWN = 5;

/** The plan's history (shared/DESIGN.md §4): versions, the plan as it was, what changed, and restores. */
export async function historyRoutes(app: FastifyInstance, options: HistoryRoutesOptions): Promise<void> {
  const { sessions, accounts, access, accessLog, planHistory, history, documents } = options;
  const people = () => {
    const nameOf = userNames(accounts, 'Ukjent');
    return async (id: string | null): Promise<HistoryPerson> =>
      id === null ? { id: null, name: 'Samplan' } : { id, name: await nameOf(id) };
  };

  /**
   * Where a member's history starts. The family (and the plan's creator, while the plan has been open to them since)
   * sees the plan from its creation; anyone else from the plan as it was when it last opened to them (`firstSeq`,
   * the last update before): when they joined, or when the family's consent that covers them now took effect if
   * that was later (PlanAccess.openSince). What the family wrote and deleted before inviting them, or while they
   * were shut out, stays theirs: the versions before answer 404, and of the updates they see those after
   * `firstSeq` (`since`): who made the ones up to it and what those removed are not theirs either.
   */
  const reachOf = async (granted: Granted): Promise<{ firstSeq: number; since: number; opened: number }> => {
    const { plan } = granted;
    const opened = await access.openSince(granted);
    if (opened <= plan.createdAt) return { firstSeq: 1, since: 1, opened: 0 };
    const firstSeq = Math.max(1, await documents.seqAt(plan.id, Math.min(opened, Date.now())));
    return { firstSeq, since: firstSeq + 1, opened };
  };
  /**
   * Logs a read of what the history holds from before (removed items' titles, versions' names) as `history.viewed`,
   * once per member and plan in HISTORY_READ_LOGGED_MS on this instance: a page of the history and the next are
   * one look at it.
   */
  const historyReadDue = oncePer(HISTORY_READ_LOGGED_MS);
  const logHistoryRead = async (planId: string, user: { id: string }, details: Record<string, unknown>) => {
    if (!historyReadDue(`${planId}\n${user.id}\n${details.latestOnly === true}`)) return;
    await accessLog.record(planId, user, 'history.viewed', details);
  };
  const firstSeqOf = async (granted: Granted): Promise<number> => (await reachOf(granted)).firstSeq;
  const reachable = (seq: number, firstSeq: number): void => {
    if (seq < firstSeq) throw new HistoryError('VERSION_NOT_FOUND', 'Denne versjonen av planen finnes ikke for deg');
  };
  app.get('/api/plans/:id/versions', async (request): Promise<VersionList> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const query = VersionListQuery.parse(request.query);
    const { firstSeq, since, opened } = await reachOf(await access.authorize(user, id, 'readHistory'));
    const { head, versions, names, removed } = await planHistory.versions(id, {
      beforeSeq: query.before,
      fromSeq: firstSeq,
      since,
      limit: query.limit,
    });
    // A name given before the plan opened to this member is the family's, as the innsynslogg's entry of it is.
    const nameOf = (seq: number) => {
      const name = names.get(seq);
      return name && name.createdAt >= opened ? name : undefined;
    };
    const fromBefore = versions.some((v) => nameOf(v.toSeq) || (removed.get(v.fromSeq)?.length ?? 0) > 0);
    if (fromBefore) {
      const latestOnly = query.before === undefined && query.limit === 1;
      await logHistoryRead(id, user, latestOnly ? { latestOnly } : { before: query.before ?? null });
    }
    const person = people();
    const visit = await history.lastVisit(id, user.id);
    return {
      head,
      firstSeq,
      lastVisit: visit && visit.seq >= firstSeq ? { seq: visit.seq, at: iso(visit.at) } : null,
      nextBefore: versions.length === query.limit ? versions[versions.length - 1]!.toSeq : null,
      versions: await Promise.all(
        versions.map(async (v): Promise<VersionInfo> => {
          const name = nameOf(v.toSeq);
          const gone = removed.get(v.fromSeq) ?? [];
          return {
            seq: v.toSeq,
            at: iso(v.lastAt),
            authors: await Promise.all(v.authors.map(async (a) => ({ ...(await person(a.userId)), parts: a.parts }))),
            parts: v.parts,
            name: name?.name ?? null,
            nameKind: name?.kind ?? null,
            fromSeq: v.fromSeq,
            firstAt: iso(v.firstAt),
            kind: v.kind,
            removed: gone.slice(0, REMOVED_SHOWN).map(({ collection, itemId, title, returnedSeq }) => ({
              collection,
              itemId,
              title,
              back: returnedSeq !== null,
            })),
            removedCount: gone.length,
          };
        }),
      ),
    };
  });

  app.post('/api/plans/:id/versions', async (request, reply) => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const { name } = NameVersionBody.parse(request.body);
    await access.authorize(user, id, 'nameVersion');
    const seq = await planHistory.name(id, name, user.id, (named) =>
      accessLog.entry(user, 'version.named', { seq: named, name }),
    );
    const [version] = (await planHistory.versions(id, { beforeSeq: seq + 1, limit: 1 })).versions;
    const named: { version: { seq: number; name: string; at: string | null } } = {
      version: { seq, name, at: version ? iso(version.lastAt) : null },
    };
    return reply.status(201).send(named);
  });

  /** The plan as it was, for the history's reader and print; everyone who reads the plan reads its history. */
  app.get('/api/plans/:id/versions/:seq/export.json', async (request): Promise<VersionExport> => {
    const user = await requireUser(sessions, request);
    const { id, seq } = VersionParams.parse(request.params);
    const granted = await access.authorize(user, id, 'readHistory');
    reachable(seq, await firstSeqOf(granted));
    const content = await planHistory.contentAt(id, seq);
    await accessLog.record(id, user, 'version.viewed', { seq });
    return { plan: publicPlan(granted.plan), seq, content };
  });

  app.get('/api/plans/:id/changes', async (request): Promise<ChangeList> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const query = ChangesQuery.parse(request.query);
    reachable(query.from, await firstSeqOf(await access.authorize(user, id, 'readHistory')));
    const to = query.to ?? (await documents.head(id));
    if (query.from > to) throw new AppError('VALIDATION_FAILED', '«from» må komme før «to»');
    const person = people();
    const changes = await planHistory.changes(id, query.from, to);
    // What changed, with what was written before: a read of the plan as it was, as opening a version is. The one
    // «endret siden sist» asks for (from this member's last visit) is marked, for the log page to count as the visit.
    const visit = await history.lastVisit(id, user.id);
    await accessLog.record(id, user, 'version.compared', {
      from: query.from,
      to,
      ...(visit?.seq === query.from && { sinceLastVisit: true }),
    });
    return {
      from: query.from,
      to,
      changes: await Promise.all(
        changes.map(async ({ userIds, ...change }) => ({ ...change, by: await Promise.all(userIds.map(person)) })),
      ),
    };
  });

  /**
   * The whole plan or one part: the family's foresatt and the koordinator (a part is the plan piece by piece). One
   * item: whoever may edit its part. Either way, the right to edit every part the restore writes.
   */
  app.post('/api/plans/:id/restore', async (request): Promise<Restored> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const body = RestoreBody.parse(request.body);
    let scope: RestoreScope = { kind: 'plan' };
    let action: Action = 'restorePlan';
    if (body.part) {
      scope = { kind: 'part', part: body.part };
    } else if (body.collection && body.itemId) {
      scope = { kind: 'item', collection: body.collection, itemId: body.itemId };
      action = editAction(partOfCollection(body.collection));
    }
    const granted = await access.authorize(user, id, action);
    reachable(body.toSeq, await firstSeqOf(granted));
    const logged = await accessLog.entry(user, 'plan.restored', {
      toSeq: body.toSeq,
      scope: scope.kind,
      ...(body.part ? { part: body.part } : {}),
      ...(body.collection ? { collection: body.collection, itemId: body.itemId } : {}),
    });
    const seq = await planHistory.restore(id, body.toSeq, scope, user.id, {
      mayWrite: async (parts) => {
        for (const part of parts) await access.require(user, granted, editAction(part));
      },
      logAs: (restored) => [{ ...logged, details: { ...logged.details, seq: restored } }],
    });
    return { seq };
  });

  app.get('/api/plans/:id/deletions', async (request): Promise<DeletionList> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const query = DeletionsQuery.parse(request.query);
    const reach = await reachOf(await access.authorize(user, id, 'readHistory'));
    const asked = query.items && new Set(query.items);
    const requested = query.since ? Date.parse(query.since) : Date.now() - DELETIONS_DEFAULT_MS;
    // Asking about items by their ids reaches only what went lately, as the plan's notice asks about what it just saw
    // go: the ids of deleted items stay in everyone's copy, and a list of them must not read the history unlogged.
    const since = asked ? Math.max(requested, Date.now() - DELETIONS_ASKED_RECENT_MS) : requested;
    const person = people();
    const deletions = (
      await planHistory.deletions(id, { since, fromSeq: reach.since, limit: asked ? 500 : query.limit })
    ).filter((d) => !asked || asked.has(deletionAskedKey(d.collection, d.itemId)));
    if (!asked && deletions.length > 0) await logHistoryRead(id, user, { deletions: deletions.length });
    return {
      deletions: await Promise.all(
        deletions.map(async (d) => ({
          seq: d.seq,
          at: iso(d.at),
          collection: d.collection,
          itemId: d.itemId,
          title: d.title,
          parentId: d.parentId,
          by: d.userId === null ? null : await person(d.userId),
        })),
      ),
    };
  });
}
