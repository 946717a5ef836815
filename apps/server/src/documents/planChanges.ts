import {
  collectionSpecs,
  COLLECTION_NAMES,
  PLAN_PARTS,
  PLAN_RICH_TEXT_FIELDS,
  partOfCollection,
  partOfRootType,
  planRichText,
  TITLE_FIELDS,
  type CollectionName,
  type PlanJSON,
  type PlanPart,
} from '@samplan/plan-model';
import type { Touches } from './projections/touchesOf.ts';

/** One thing that differs between two versions of a plan. */
export interface ChangeRecord {
  part: PlanPart;
  kind: 'added' | 'removed' | 'changed';
  collection?: CollectionName;
  itemId?: string;
  /** A rich-text field of the plan (`about.child`) or a value of the plan itself (`meta.nextRevision`). */
  field?: string;
  title?: string;
  /** Who changed it between the two versions (null: the server, or a user since removed). */
  userIds: Array<string | null>;
  /** The last update between the two versions that touched it. */
  seq: number;
}

/**
 * Who touched what between two versions: item by item when the updates were replayed, or (a long range, from
 * the versions between) part by part.
 */
export class TouchLedger {
  private readonly touched = new Map<string, { users: Set<string | null>; seq: number }>();

  add(touches: Touches, userId: string | null, seq: number): void {
    for (const [collection, ids] of touches.items) {
      for (const id of ids) this.mark(`item:${collection}:${id}`, userId, seq);
    }
    for (const root of touches.roots) this.mark(`root:${root}`, userId, seq);
    for (const key of touches.metaKeys) this.mark(`meta:${key}`, userId, seq);
  }

  /** Someone edited `part` in a version ending at `seq`. */
  addPart(part: PlanPart, userId: string | null, seq: number): void {
    this.mark(`part:${part}`, userId, seq);
  }

  /** Who touched `key` (`item:goals:…`); without an entry of its own, who edited its part. */
  of(key: string, part: PlanPart): { userIds: Array<string | null>; seq: number } {
    const entry = this.touched.get(key) ?? this.touched.get(`part:${part}`);
    return { userIds: entry ? [...entry.users] : [], seq: entry?.seq ?? 0 };
  }

  private mark(key: string, userId: string | null, seq: number): void {
    let entry = this.touched.get(key);
    if (!entry) this.touched.set(key, (entry = { users: new Set(), seq }));
    entry.users.add(userId);
    entry.seq = seq;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

type Item = { id: string } & Record<string, unknown>;

/** An item as it is stored: without what planToJSON derives (an evaluation's `targetMissing`), which nobody edits. */
const stored = (collection: CollectionName, item: Item): unknown[] =>
  Object.keys(collectionSpecs[collection]).map((field) => item[field]);

/** What differs between `before` and `after`, part by part in the plan's order, with who changed it. */
export function diffPlans(
  before: PlanJSON,
  after: PlanJSON,
  ledger: TouchLedger,
  partOfKey: (key: string) => PlanPart,
): ChangeRecord[] {
  const by = (key: string) => ledger.of(key, partOfKey(key));
  const changes: ChangeRecord[] = [];
  for (const key of Object.keys(after.meta) as Array<keyof PlanJSON['meta']>) {
    if (same(before.meta[key], after.meta[key])) continue;
    changes.push({ part: 'planinfo', kind: 'changed', field: `meta.${key}`, ...by(`meta:${key}`) });
  }
  for (const field of PLAN_RICH_TEXT_FIELDS) {
    if (same(planRichText(before, field), planRichText(after, field))) continue;
    changes.push({ part: partOfRootType(field), kind: 'changed', field, ...by(`root:${field}`) });
  }
  for (const collection of COLLECTION_NAMES) {
    const titleOf = (item: Item): string => String(item[TITLE_FIELDS[collection]] ?? '');
    const was = new Map((before[collection] as Item[]).map((item) => [item.id, item]));
    const is = new Map((after[collection] as Item[]).map((item) => [item.id, item]));
    const part = partOfCollection(collection);
    const record = (kind: ChangeRecord['kind'], item: Item): ChangeRecord => ({
      part,
      kind,
      collection,
      itemId: item.id,
      title: titleOf(item),
      ...by(`item:${collection}:${item.id}`),
    });
    for (const [id, item] of is) {
      const old = was.get(id);
      if (!old) changes.push(record('added', item));
      else if (!same(stored(collection, old), stored(collection, item))) changes.push(record('changed', item));
    }
    for (const [id, item] of was) if (!is.has(id)) changes.push(record('removed', item));
  }
  const order = new Map(PLAN_PARTS.map((part, i) => [part, i]));
  return changes.sort((a, b) => order.get(a.part)! - order.get(b.part)!);
}
