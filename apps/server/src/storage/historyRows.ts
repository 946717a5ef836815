import type { CollectionName, PlanPart } from '@samplan/plan-model';
import type {
  DeletionRecord,
  VersionAuthor,
  VersionKind,
  VersionName,
  VersionNameKind,
  VersionRecord,
} from './HistoryStore.ts';

import { json, type Int, type Json } from './rowValues.ts';

// The projections' rows, mapped alike for both stores.

export interface VersionRow {
  from_seq: Int;
  to_seq: Int;
  first_at: Int;
  last_at: Int;
  kind: VersionKind;
  authors: Json<VersionAuthor[]>;
  parts: Json<PlanPart[]>;
}

export interface NameRow {
  seq: Int;
  name: string;
  kind: VersionNameKind;
  user_id: string | null;
  created_at: Int;
}

export interface DeletionRow {
  seq: Int;
  collection: CollectionName;
  item_id: string;
  title: string;
  parent_id: string | null;
  user_id: string | null;
  at: Int;
  returned_seq: Int | null;
}

export const toVersion = (row: VersionRow): VersionRecord => ({
  fromSeq: Number(row.from_seq),
  toSeq: Number(row.to_seq),
  firstAt: Number(row.first_at),
  lastAt: Number(row.last_at),
  kind: row.kind,
  authors: json(row.authors),
  parts: json(row.parts),
});

export const toName = (row: NameRow): VersionName => ({
  seq: Number(row.seq),
  name: row.name,
  kind: row.kind,
  userId: row.user_id,
  createdAt: Number(row.created_at),
});

export const toDeletion = (row: DeletionRow): DeletionRecord => ({
  seq: Number(row.seq),
  collection: row.collection,
  itemId: row.item_id,
  title: row.title,
  parentId: row.parent_id,
  userId: row.user_id,
  at: Number(row.at),
  returnedSeq: row.returned_seq === null ? null : Number(row.returned_seq),
});
