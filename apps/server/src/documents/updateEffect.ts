import * as Y from 'yjs';
import { rootKind, type PlanWrite, type SharedKind, type WriteContent } from '@samplan/plan-model';

/** An update as Y.decodeUpdate reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Why the server cannot tell what an update would do: such an update is refused. */
export type UpdateProblem =
  /** A struct refers to one neither the document nor the update has. */
  | 'MISSING_DEPENDENCY'
  /** The delete set names structs neither the document nor the update has. */
  | 'UNKNOWN_DELETION'
  /** A struct's parent is not a shared type, it has no position at all, or its references go round in a circle. */
  | 'BAD_PARENT'
  /**
   * A client's structs overlap or go backwards (its clocks written twice, e.g. in two sections of the update): Yjs
   * keeps only some of them, so what is read here would not be what is applied.
   */
  | 'OVERLAPPING_STRUCTS'
  /**
   * A client's new structs start past what the document and the update have of that client: Yjs holds them back
   * until the missing ones come, and then applies them without their being read here (an update that fills the gap
   * later would let in what it releases unchecked: a collection's limit, counted without them, for one). Room drops
   * such an update and asks its peer for what the plan lacks.
   */
  | 'CLOCK_GAP';

/** What an update would do to a document, read before it is applied. */
export interface UpdateEffect {
  /** Clients whose new structs the update carries. */
  writers: Set<number>;
  /** Top-level types it writes to: by new structs, and by deleting what is not deleted yet. */
  roots: Set<string>;
  /** The deepest nesting of a new struct below its top-level type (0: directly in it). */
  depth: number;
  /** New structs (items and collected ranges) the update carries. */
  newStructs: number;
  /** Where each new item goes and what it holds, for the plan's schema (plan-model checkPlanWrite). */
  writes: PlanWrite[];
  /** Entries a top-level map that gets new nested entries (a collection that gets items) would hold after it. */
  mapSizes: Map<string, number>;
  problem: UpdateProblem | null;
  /** Nothing new: no new struct, and every deletion already done (a returning peer's sync, for example). */
  noop: boolean;
}

/** Where a struct lives (PlanWrite without its content); `null` for content already collected. */
type Place = Omit<PlanWrite, 'content'> | null;
type Resolution = Place | UpdateProblem;

const isProblem = (resolution: Resolution): resolution is UpdateProblem => typeof resolution === 'string';

/**
 * Reads what `decoded` would change in `doc` without applying it: which clients write, which top-level types
 * are touched (new structs are placed by their parent or, as Yjs does, by their origin) and whether every
 * reference resolves. Iterative, so a hostile chain of a million references cannot overflow the stack.
 */
export function readUpdateEffect(doc: Y.Doc, decoded: DecodedUpdate): UpdateEffect {
  const store = doc.store;
  const effect: UpdateEffect = {
    writers: new Set(),
    roots: new Set(),
    depth: 0,
    newStructs: 0,
    writes: [],
    mapSizes: new Map(),
    problem: null,
    noop: false,
  };
  const byClient = new Map<number, Array<Y.Item | Y.GC>>();
  const ends = new Map<number, number>();
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    if (clock < (ends.get(client) ?? 0)) effect.problem ??= 'OVERLAPPING_STRUCTS';
    ends.set(client, clock + struct.length);
    if (struct instanceof Y.Skip) continue;
    let list = byClient.get(client);
    if (!list) byClient.set(client, (list = []));
    list.push(struct);
  }
  for (const [client, list] of byClient) {
    let covered = Y.getState(store, client);
    for (const struct of list) {
      if (struct.id.clock > covered) {
        effect.problem ??= 'CLOCK_GAP';
        break;
      }
      covered = Math.max(covered, struct.id.clock + struct.length);
    }
  }
  const resolved = new Map<Y.Item | Y.GC, Resolution>();

  const inUpdate = (id: Y.ID): Y.Item | Y.GC | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return undefined;
  };
  const isKnown = (id: Y.ID): boolean => Y.getState(store, id.client) > id.clock;
  const inDoc = (id: Y.ID): Y.Item | Y.GC | undefined =>
    isKnown(id) ? (Y.getItem(store, id) as Y.Item | Y.GC) : undefined;
  /**
   * The struct a reference names, as Yjs resolves it: the document's where the document has that id (a struct in
   * the update that repeats it is ignored by Yjs, so whatever it claims about its own place means nothing), the
   * update's otherwise.
   */
  const target = (id: Y.ID): { struct: Y.Item | Y.GC | undefined; fromUpdate: boolean } =>
    isKnown(id) ? { struct: inDoc(id), fromUpdate: false } : { struct: inUpdate(id), fromUpdate: true };

  const resolve = (start: Y.Item | Y.GC): Resolution => {
    // Follow references until a place is known, then give every struct on the way its place: by its origin it
    // shares its neighbour's place (and key); by its parent it is one deeper, inside the parent's type.
    const chain: Array<{ struct: Y.Item; parent: SharedKind | null; parentNode: string | null }> = [];
    const onChain = new Set<Y.Item | Y.GC>();
    let current: Y.Item | Y.GC = start;
    let base: Resolution;
    for (;;) {
      const done = resolved.get(current);
      if (done !== undefined) {
        base = done;
        break;
      }
      if (current instanceof Y.GC) {
        base = null;
        break;
      }
      if (onChain.has(current)) {
        base = 'BAD_PARENT';
        break;
      }
      onChain.add(current);
      const item: Y.Item = current;
      const parent = item.parent as unknown;
      if (typeof parent === 'string') {
        const place = {
          root: parent,
          depth: 0,
          key: item.parentSub,
          field: null,
          parent: rootKind(parent),
          parentNode: null,
        };
        resolved.set(item, place);
        base = place;
        break;
      }
      const viaParent = parent instanceof Y.ID;
      const ref = viaParent ? parent : (item.origin ?? item.rightOrigin);
      if (!ref) {
        chain.push({ struct: item, parent: null, parentNode: null });
        base = 'BAD_PARENT';
        break;
      }
      const { struct: referenced, fromUpdate } = target(ref);
      if (viaParent && referenced instanceof Y.Item && !(referenced.content instanceof Y.ContentType)) {
        chain.push({ struct: item, parent: null, parentNode: null });
        base = 'BAD_PARENT';
        break;
      }
      const parentType =
        viaParent && referenced instanceof Y.Item
          ? ((referenced.content as Y.ContentType).type as Y.AbstractType<unknown>)
          : null;
      chain.push({
        struct: item,
        parent: parentType && kindOf(parentType),
        parentNode: parentType && nodeNameOf(parentType),
      });
      if (referenced && fromUpdate) {
        current = referenced;
        continue;
      }
      if (!referenced) base = 'MISSING_DEPENDENCY';
      else base = referenced instanceof Y.GC ? null : placeInDoc(referenced);
      break;
    }
    let place = base;
    for (let i = chain.length - 1; i >= 0; i--) {
      const { struct, parent, parentNode } = chain[i]!;
      if (place !== null && !isProblem(place)) {
        place =
          parent === null
            ? { ...place, key: struct.parentSub ?? place.key }
            : {
                root: place.root,
                depth: place.depth + 1,
                key: struct.parentSub,
                field: place.depth === 0 ? null : place.depth === 1 ? place.key : place.field,
                parent,
                parentNode,
              };
      }
      resolved.set(struct, place);
    }
    return resolved.get(start) ?? base;
  };

  const note = (resolution: Resolution): void => {
    if (isProblem(resolution)) {
      effect.problem ??= resolution;
    } else if (resolution !== null) {
      effect.roots.add(resolution.root);
      if (resolution.depth > effect.depth) effect.depth = resolution.depth;
    }
  };

  // A struct the document has in part: Yjs integrates only its new part, next to the document's struct before it,
  // so that is where it goes, and only if its own references name that same place (or the lists would be joined
  // across two types).
  const partlyKnownPlace = (struct: Y.Item | Y.GC, left: Y.Item | Y.GC): Resolution => {
    // Collected content has no place; so has what Yjs collects on arrival: an item next to collected content, or
    // inside a type that was deleted and collected.
    if (struct instanceof Y.GC || left instanceof Y.GC) return null;
    const parent = struct.parent as unknown;
    let type: unknown;
    let parentSub: string | null;
    if (typeof parent === 'string') {
      type = doc.share.get(parent);
      parentSub = struct.parentSub;
    } else if (parent instanceof Y.ID) {
      const named = inDoc(parent);
      if (!named) return 'MISSING_DEPENDENCY';
      if (named instanceof Y.GC) return null;
      if (!(named.content instanceof Y.ContentType)) return named.deleted ? null : 'BAD_PARENT';
      type = named.content.type;
      parentSub = struct.parentSub;
    } else {
      const neighbours = [struct.origin, struct.rightOrigin].filter((id): id is Y.ID => id !== null);
      if (neighbours.length === 0) return 'BAD_PARENT';
      const found = neighbours.map(inDoc);
      if (found.some((neighbour) => neighbour === undefined)) return 'MISSING_DEPENDENCY';
      if (found.some((neighbour) => neighbour instanceof Y.GC)) return null;
      const first = found[0] as Y.Item;
      type = first.parent;
      parentSub = first.parentSub;
    }
    return type === left.parent && parentSub === left.parentSub ? placeInDoc(left) : 'BAD_PARENT';
  };

  for (const [client, list] of byClient) {
    const state = Y.getState(store, client);
    for (const struct of list) {
      if (struct.id.clock < state && struct.id.clock + struct.length > state) {
        resolved.set(
          struct,
          partlyKnownPlace(struct, Y.getItem(store, Y.createID(client, state - 1)) as Y.Item | Y.GC),
        );
      }
    }
  }
  for (const [client, list] of byClient) {
    const state = Y.getState(store, client);
    for (const struct of list) {
      if (struct.id.clock + struct.length <= state) continue;
      effect.writers.add(client);
      effect.newStructs += 1;
      const place = resolve(struct);
      note(place);
      if (struct instanceof Y.Item && place !== null && !isProblem(place)) {
        effect.writes.push({ ...place, content: contentOf(struct.content) });
      }
    }
  }

  const addedKeys = new Map<string, Set<string>>();
  for (const write of effect.writes) {
    if (write.depth !== 0 || write.key === null || write.parent !== 'map' || write.content.kind !== 'type') continue;
    let keys = addedKeys.get(write.root);
    if (!keys) addedKeys.set(write.root, (keys = new Set()));
    keys.add(write.key);
  }
  for (const [root, keys] of addedKeys) {
    let size = 0;
    for (const [key, item] of doc.share.get(root)?._map ?? []) {
      if (!item.deleted) size += 1;
      keys.delete(key);
    }
    effect.mapSizes.set(root, size + keys.size);
  }

  let deletions = 0;
  for (const [client, ranges] of decoded.ds.clients) {
    const state = Y.getState(store, client);
    const structs = store.clients.get(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (structs && clock < state) {
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
          const struct = structs[i]!;
          if (struct instanceof Y.GC || struct.deleted) continue;
          deletions += 1;
          note(placeInDoc(struct));
        }
      }
      // What lies beyond the document's state must be new structs of this very update.
      for (let at = Math.max(clock, state); at < end;) {
        const struct = inUpdate(Y.createID(client, at));
        if (!struct) {
          effect.problem ??= 'UNKNOWN_DELETION';
          break;
        }
        at = struct.id.clock + struct.length;
      }
    }
  }
  effect.noop = effect.newStructs === 0 && deletions === 0 && effect.problem === null;
  return effect;
}

/** Where an item already in the document lives. */
function placeInDoc(item: Y.Item): Place {
  let type = item.parent as Y.AbstractType<unknown> | null;
  if (type === null) return null;
  const path: Y.Item[] = [item];
  while (type._item !== null) {
    path.push(type._item);
    type = type._item.parent as Y.AbstractType<unknown>;
  }
  const root = Y.findRootTypeKey(type);
  const depth = path.length - 1;
  const parentType = item.parent as Y.AbstractType<unknown>;
  return {
    root,
    depth,
    key: item.parentSub,
    field: depth >= 2 ? path[depth - 1]!.parentSub : null,
    parent: parentType._item === null ? rootKind(root) : kindOf(parentType),
    parentNode: nodeNameOf(parentType),
  };
}

/** The kind of a shared type (XmlText and XmlElement before the types they extend). */
function kindOf(type: Y.AbstractType<unknown>): SharedKind {
  if (type instanceof Y.XmlText) return 'xmlText';
  if (type instanceof Y.Text) return 'text';
  if (type instanceof Y.XmlElement) return 'xmlElement';
  if (type instanceof Y.XmlFragment) return 'xmlFragment';
  if (type instanceof Y.Map) return 'map';
  return 'other';
}

/** The node name of a rich-text element, null for any other type. */
function nodeNameOf(type: Y.AbstractType<unknown>): string | null {
  return type instanceof Y.XmlElement ? type.nodeName : null;
}

function contentOf(content: Y.Item['content']): WriteContent {
  if (content instanceof Y.ContentAny) return { kind: 'value', value: content.arr[content.arr.length - 1] };
  if (content instanceof Y.ContentString) return { kind: 'string' };
  if (content instanceof Y.ContentFormat) return { kind: 'format', key: content.key, value: content.value };
  if (content instanceof Y.ContentDeleted) return { kind: 'deleted' };
  if (content instanceof Y.ContentType) {
    const type = content.type as Y.AbstractType<unknown>;
    return { kind: 'type', type: kindOf(type), nodeName: nodeNameOf(type) };
  }
  return { kind: 'other' };
}
