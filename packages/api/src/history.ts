import { COLLECTION_NAMES, PLAN_PARTS, type CollectionName, type PlanJSON, type PlanPart } from '@samplan/plan-model';
import { z } from 'zod';
import { DELETIONS_ASKED_MAX } from './deletionsAsked.ts';
import type { PublicPlan } from './plans.ts';

/** Someone the history names: a member's id and name as they are now (`id` null: the server itself). */
export interface HistoryPerson {
  id: string | null;
  name: string;
}

/** `manual`: named by a member; `meeting` and `revision`: named when a meeting was held or a revision done. */
export type VersionNameKind = 'manual' | 'meeting' | 'revision';

/** One version of a plan: a run of edits by one person, or by people editing together, or one restore. */
export interface VersionInfo {
  /** The last update the version includes: "the plan as of this version" is the plan right after it. */
  seq: number;
  /** When its last edit was made. */
  at: string;
  authors: Array<HistoryPerson & { parts: PlanPart[] }>;
  parts: PlanPart[];
  name: string | null;
  nameKind: VersionNameKind | null;
  /** Its first update; the version before it ends at `fromSeq - 1`. */
  fromSeq: number;
  firstAt: string;
  /** `restore`: made by bringing back an earlier version. */
  kind: 'edit' | 'restore';
  /**
   * Items it removed from the plan (a delmål removed with its hovedmål is left out), at most a few; one removed and
   * back again within it (undone at once) is not among them. `back`: brought back by a later version.
   */
  removed: Array<{ collection: CollectionName; itemId: string; title: string; back: boolean }>;
  /** How many items it removed in all. */
  removedCount: number;
}

/** `GET /api/plans/:id/versions`: newest first. */
export interface VersionList {
  versions: VersionInfo[];
  /** The last update of the plan the list reaches. */
  head: number;
  /** What the plan was when I last left it, if I have been here before. */
  lastVisit: { seq: number; at: string } | null;
  /** Pass as `before` for the next, older page; null on the last page. */
  nextBefore: number | null;
  /**
   * The earliest seq my history reaches: 1 (the plan as created) for the family; for anyone else, the plan as it
   * was when they joined (the family's words from before are not theirs to read).
   */
  firstSeq: number;
}

export const VersionListQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const VersionParams = z.object({ id: z.string().min(1).max(64), seq: z.coerce.number().int().positive() });

/** `POST /api/plans/:id/versions`: names the plan as it is now. */
export const NameVersionBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export type NameVersionInput = z.input<typeof NameVersionBody>;

/** `GET /api/plans/:id/versions/:seq/export.json`. */
export interface VersionExport {
  plan: PublicPlan;
  seq: number;
  content: PlanJSON;
}

export const ChangesQuery = z
  .object({
    from: z.coerce.number().int().positive(),
    to: z.coerce.number().int().positive().optional(),
  })
  .strict();

/** One thing that differs between two versions. */
export interface ChangeInfo {
  part: PlanPart;
  kind: 'added' | 'removed' | 'changed';
  collection?: CollectionName;
  itemId?: string;
  /** A rich-text field of the plan (`about.child`) or one of its own values (`meta.nextRevision`). */
  field?: string;
  title?: string;
  by: HistoryPerson[];
  /** The last update in the range that touched it. */
  seq: number;
}

/** `GET /api/plans/:id/changes?from=&to=`. */
export interface ChangeList {
  from: number;
  to: number;
  changes: ChangeInfo[];
}

/**
 * `POST /api/plans/:id/restore`: the whole plan (neither), one part (`part`) or one item (`collection` and
 * `itemId`) as it was right after `toSeq`.
 */
export const RestoreBody = z
  .object({
    toSeq: z.number().int().positive(),
    part: z.enum(PLAN_PARTS).exclude(['annet']).optional(),
    collection: z.enum(COLLECTION_NAMES).optional(),
    itemId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((body) => (body.collection === undefined) === (body.itemId === undefined), {
    message: 'collection og itemId hører sammen',
  })
  .refine((body) => body.part === undefined || body.collection === undefined, {
    message: 'Gjenopprett enten en del eller ett element',
  });
export type RestoreInput = z.input<typeof RestoreBody>;

/** `seq` of the restoring update; null when the plan already was as asked. */
export interface Restored {
  seq: number | null;
}

/** An item removed from the plan, with who removed it. */
export interface DeletionInfo {
  seq: number;
  at: string;
  collection: CollectionName;
  itemId: string;
  title: string;
  /** For a delmål removed with its hovedmål. */
  parentId: string | null;
  by: HistoryPerson | null;
}

export const DeletionsQuery = z.object({
  since: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /**
   * Only these items (`collection:itemId`, comma-separated): the ones the asker had in their own copy and saw go,
   * asking who removed them. Without it, every removal is listed, and the read is logged (`history.viewed`).
   */
  items: z
    .string()
    .max(DELETIONS_ASKED_MAX * 120)
    .transform((value) => value.split(',').filter((entry) => entry.length > 0))
    .pipe(
      z
        .array(z.string().regex(/^[a-zA-Z]+:[^,:]{1,100}$/))
        .min(1)
        .max(DELETIONS_ASKED_MAX),
    )
    .optional(),
});

/** `GET /api/plans/:id/deletions`: newest first. */
export interface DeletionList {
  deletions: DeletionInfo[];
}
