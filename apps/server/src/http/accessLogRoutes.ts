import type { AccessLogEntry, AccessLogPage, LogVerification } from '@samplan/api';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PlanAccess } from '../access/PlanAccess.ts';
import type { Sessions } from '../auth/Sessions.ts';
import { toPublicEntry, type AccessLog } from '../audit/AccessLog.ts';
import type { DocumentProjector } from '../documents/projections/DocumentProjector.ts';
import { PlanParams } from './planRoutes.ts';
import { requireUser } from './requireUser.ts';

const LogQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export interface AccessLogRoutesOptions {
  sessions: Sessions;
  access: PlanAccess;
  accessLog: AccessLog;
  projector: DocumentProjector;
}

/**
 * A `plan.changed` entry is written when the change log is next written (up to CHANGE_LOG_DELAY_MS later, or when
 * someone reads the log): one whose edits began before `since` tells of what came before, whenever it was written.
 */
function changedBefore(entry: AccessLogEntry, since: number): boolean {
  return entry.action === 'plan.changed' && Date.parse(String(entry.details.from)) < since;
}

/** The innsynslogg, for the foresatt and the koordinator: who has seen and changed the plan, and when. */
export async function accessLogRoutes(app: FastifyInstance, options: AccessLogRoutesOptions): Promise<void> {
  const { sessions, access, accessLog, projector } = options;

  /**
   * The family reads the whole log. A koordinator reads it from when the plan last opened to them, as the plan's
   * history (PlanAccess.openSince): what the family did before (who opened and changed the plan, the names they gave
   * versions) is theirs. The check of the chain is over the whole log either way.
   */
  app.get('/api/plans/:id/access-log', async (request): Promise<AccessLogPage> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    const query = LogQuery.parse(request.query);
    const granted = await access.authorize(user, id, 'readLog');
    const opened = await access.openSince(granted);
    const since = opened > granted.plan.createdAt ? opened : null;
    await projector.catchUp(id, { flushChangeLog: true });
    const entries = await accessLog.list(id, { afterSeq: query.after, limit: query.limit, ...(since && { since }) });
    return {
      entries: entries.map(toPublicEntry).filter((entry) => since === null || !changedBefore(entry, since)),
      nextAfter: entries.length === query.limit ? entries[entries.length - 1]!.seq : null,
      verification: await accessLog.verify(id),
      from: since === null ? null : new Date(since).toISOString(),
    };
  });

  /** Re-computes the hash chain: `ok: false` names the first entry that was altered. */
  app.get('/api/plans/:id/access-log/verify', async (request): Promise<{ verification: LogVerification }> => {
    const user = await requireUser(sessions, request);
    const { id } = PlanParams.parse(request.params);
    await access.authorize(user, id, 'readLog');
    return { verification: await accessLog.verify(id) };
  });
}
