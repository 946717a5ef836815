import type { CollectionName, PlanPart } from '@samplan/plan-model';
import type { NewAccessLogEntry } from './AccessLogStore.ts';

/** Where the projections of a plan's log have got to, and what they carry from one pass to the next. */
export interface ProjectionCursor {
  seq: number;
  /** The merged document state after `seq` (empty before the first pass). */
  state: Uint8Array;
  /** Work in progress between passes (the open version, change-log groups not yet written), as JSON text. */
  pending: string;
  /** Updates up to this seq are in the innsynslogg's change log already (a new plan's seeded content, say). */
  changeLoggedThrough: number;
}

/** `restore`: a version made by restoring an earlier one. */
export type VersionKind = 'edit' | 'restore';

export interface VersionAuthor {
  userId: string | null;
  parts: PlanPart[];
}

/** A run of updates that the history shows as one version of the plan. */
export interface VersionRecord {
  fromSeq: number;
  /** The last update the version includes: the plan "as of this version" is the state after it. */
  toSeq: number;
  firstAt: number;
  lastAt: number;
  kind: VersionKind;
  authors: VersionAuthor[];
  parts: PlanPart[];
}

/** `manual`: named by a member; `meeting` and `revision`: named when a meeting was held or a revision done. */
export type VersionNameKind = 'manual' | 'meeting' | 'revision';

export interface VersionName {
  seq: number;
  name: string;
  kind: VersionNameKind;
  userId: string | null;
  createdAt: number;
}

/** An item that an update removed from the plan, with what it was called. */
export interface DeletionRecord {
  seq: number;
  collection: CollectionName;
  itemId: string;
  title: string;
  /** For a delmål removed with its hovedmål: the hovedmål. */
  parentId: string | null;
  userId: string | null;
  at: number;
  /** The update that brought it back (undone, or restored from the history); null while it is gone. */
  returnedSeq: number | null;
}

/** An item present after an update and not before it. */
export interface ItemAppeared {
  seq: number;
  collection: CollectionName;
  itemId: string;
}

/** What one pass of the projections derived from the log, written with the cursor in one transaction. */
export interface ProjectionPass {
  /** The cursor the pass was computed from (0, 0 for none): committed only if it is still the stored one. */
  from: { seq: number; changeLoggedThrough: number };
  cursor: ProjectionCursor;
  /** Versions closed in this pass and the one still open; a stored version with the same `fromSeq` is replaced. */
  versions: VersionRecord[];
  /** Stored versions (by `fromSeq`) that became part of the version before them (two people editing together). */
  mergedVersions: number[];
  /** Versions named by what happened in them (a meeting held, a revision done). */
  names: VersionName[];
  deletions: DeletionRecord[];
  /**
   * Items that appeared in this pass's updates (added, or back after a removal: undone, or brought back from the
   * history): a removal of the same item before the update, not yet marked, is marked as returned by it.
   */
  appeared: ItemAppeared[];
  /** The plan's progress facts (plan-model's ProgressFacts) after `cursor.seq`, as JSON text; unchanged if absent. */
  progress?: string;
  /** `plan.changed` entries for the innsynslogg, chained in the same transaction. */
  changeLog: NewAccessLogEntry[];
}

/** The projections of each plan's update log (versions, deletions, progress), names of versions, and visits. */
export interface HistoryStore {
  cursor(planId: string): Promise<ProjectionCursor | undefined>;
  commitPass(planId: string, pass: ProjectionPass): Promise<void>;
  /**
   * Newest first; `beforeSeq` pages back (versions whose `toSeq` is below it), `fromSeq` leaves out versions
   * that end before it.
   */
  versions(planId: string, options: { beforeSeq?: number; fromSeq?: number; limit: number }): Promise<VersionRecord[]>;
  names(planId: string): Promise<VersionName[]>;
  /**
   * Names a version (a member's name replaces one they gave it themselves) and writes `log`; false, and nothing
   * written, when someone else named it, or its name came from a meeting held or a revision.
   */
  addName(planId: string, name: VersionName, log: readonly NewAccessLogEntry[]): Promise<boolean>;
  /** Removals since `since` (ms) by updates from `fromSeq` on, of items still gone, newest first. */
  deletions(planId: string, options: { since: number; fromSeq: number; limit: number }): Promise<DeletionRecord[]>;
  /** Removals by updates `fromSeq` to `toSeq`, in seq order. */
  deletionsBetween(planId: string, fromSeq: number, toSeq: number): Promise<DeletionRecord[]>;
  /** Each plan's progress facts (JSON text) and the seq they are from. */
  progress(planIds: readonly string[]): Promise<Map<string, { seq: number; facts: string }>>;
  /** Replaces a plan's progress facts (computed again, e.g. after the facts gained fields). */
  putProgress(planId: string, seq: number, facts: string): Promise<void>;
  recordVisit(planId: string, userId: string, visit: { seq: number; at: number }): Promise<void>;
  lastVisit(planId: string, userId: string): Promise<{ seq: number; at: number } | undefined>;
}
