import * as Y from 'yjs';

/** An update as Y.decodeUpdate reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Why the server cannot tell what an update would do: such an update is refused. */
export type UpdateProblem =
  /** A struct refers to one neither the document nor the update has. */
  | 'MISSING_DEPENDENCY'
  /** The delete set names structs neither the document nor the update has. */
  | 'UNKNOWN_DELETION'
  /** A struct's parent is not a shared type, it has no position at all, or its references go round in a circle. */
  | 'BAD_PARENT';

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
  problem: UpdateProblem | null;
  /** Nothing new: no new struct, and every deletion already done (a returning peer's sync, for example). */
  noop: boolean;
}

/** Where a struct lives: under which top-level type and how deep; `null` for content already collected. */
type Place = { root: string; depth: number } | null;
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
    problem: null,
    noop: false,
  };
  const byClient = new Map<number, Array<Y.Item | Y.GC>>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
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
  const inDoc = (id: Y.ID): Y.Item | Y.GC | undefined =>
    Y.getState(store, id.client) > id.clock ? (Y.getItem(store, id) as Y.Item | Y.GC) : undefined;

  const resolve = (start: Y.Item | Y.GC): Resolution => {
    // Follow references until a place is known, then give every struct on the way its place.
    const chain: Array<{ struct: Y.Item; step: 0 | 1 }> = [];
    const onChain = new Set<Y.Item | Y.GC>();
    let current: Y.Item | Y.GC = start;
    let base: Resolution;
    for (;;) {
      const known = resolved.get(current);
      if (known !== undefined) {
        base = known;
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
        resolved.set(item, { root: parent, depth: 0 });
        base = { root: parent, depth: 0 };
        break;
      }
      const viaParent = parent instanceof Y.ID;
      const ref = viaParent ? parent : (item.origin ?? item.rightOrigin);
      if (!ref) {
        chain.push({ struct: item, step: 0 });
        base = 'BAD_PARENT';
        break;
      }
      chain.push({ struct: item, step: viaParent ? 1 : 0 });
      const next = inUpdate(ref);
      if (next) {
        if (viaParent && !(next instanceof Y.Item && next.content instanceof Y.ContentType)) {
          base = 'BAD_PARENT';
          break;
        }
        current = next;
        continue;
      }
      const existing = inDoc(ref);
      if (!existing) {
        base = 'MISSING_DEPENDENCY';
        break;
      }
      if (existing instanceof Y.GC) {
        base = null;
        break;
      }
      if (viaParent && !(existing.content instanceof Y.ContentType)) {
        base = 'BAD_PARENT';
        break;
      }
      base = placeInDoc(existing);
      break;
    }
    let place = base;
    for (let i = chain.length - 1; i >= 0; i--) {
      const { struct, step } = chain[i]!;
      if (place !== null && !isProblem(place)) place = { root: place.root, depth: place.depth + step };
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

  for (const [client, list] of byClient) {
    const known = Y.getState(store, client);
    for (const struct of list) {
      if (struct.id.clock + struct.length <= known) continue;
      effect.writers.add(client);
      effect.newStructs += 1;
      note(resolve(struct));
    }
  }

  let deletions = 0;
  for (const [client, ranges] of decoded.ds.clients) {
    const known = Y.getState(store, client);
    const structs = store.clients.get(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (structs && clock < known) {
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
          const struct = structs[i]!;
          if (struct instanceof Y.GC || struct.deleted) continue;
          deletions += 1;
          note(placeInDoc(struct));
        }
      }
      // What lies beyond the document's state must be new structs of this very update.
      for (let at = Math.max(clock, known); at < end;) {
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

/** The top-level type and depth of an item already in the document. */
function placeInDoc(item: Y.Item): Place {
  let type = item.parent as Y.AbstractType<unknown> | null;
  if (type === null) return null;
  let depth = 0;
  while (type._item !== null) {
    depth += 1;
    type = type._item.parent as Y.AbstractType<unknown>;
  }
  return { root: Y.findRootTypeKey(type), depth };
}
