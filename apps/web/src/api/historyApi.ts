import type {
  ChangeList,
  DeletionList,
  NameVersionInput,
  Restored,
  RestoreInput,
  VersionExport,
  VersionList,
} from '@samplan/api';
import { deletionsAskedParam } from '@samplan/api/deletionsAsked';
import { request } from './request.ts';

// The plan's history (apps/server/src/http/historyRoutes.ts).

const plan = (id: string): string => `/api/plans/${encodeURIComponent(id)}`;

export const historyApi = {
  versions: (planId: string, options: { before?: number; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (options.before !== undefined) query.set('before', String(options.before));
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    const search = query.size > 0 ? `?${query}` : '';
    return request<VersionList>('GET', `${plan(planId)}/versions${search}`);
  },
  version: (planId: string, seq: number) =>
    request<VersionExport>('GET', `${plan(planId)}/versions/${seq}/export.json`),
  name: (planId: string, name: string) =>
    request<{ version: { seq: number } }>('POST', `${plan(planId)}/versions`, { name } satisfies NameVersionInput),
  changes: (planId: string, from: number, to?: number) =>
    request<ChangeList>('GET', `${plan(planId)}/changes?from=${from}${to === undefined ? '' : `&to=${to}`}`),
  restore: (planId: string, input: RestoreInput) => request<Restored>('POST', `${plan(planId)}/restore`, input),
  /** Who removed these items (the ones this member saw go): never the list of every removal. */
  deletionsOf: (planId: string, items: ReadonlyArray<{ collection: string; itemId: string }>) =>
    request<DeletionList>('GET', `${plan(planId)}/deletions?items=${encodeURIComponent(deletionsAskedParam(items))}`),
};
