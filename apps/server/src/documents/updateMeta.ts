import * as Y from 'yjs';
import type { DecodedUpdate } from './updateEffect.ts';

/** What an update covers, read while validating it: clock ranges per client. */
export interface UpdateMeta {
  /** Map client -> [first clock, end clock) of the structs it carries. */
  ranges: Map<number, [number, number]>;
  /** True when the update carries neither structs nor deletions. */
  empty: boolean;
  /** True when the update has holes (Skip structs), so clock ranges are not contiguous. */
  hasGaps: boolean;
  /** True when the update deletes something (its delete set is not empty). */
  deletes: boolean;
}

/** Fully decodes an update (structs and delete set), which is what validates it; or reads one decoded already. */
export function readUpdateMeta(update: Uint8Array, decoded: DecodedUpdate = Y.decodeUpdate(update)): UpdateMeta {
  const { structs, ds } = decoded;
  const ranges = new Map<number, [number, number]>();
  let hasGaps = false;
  for (const struct of structs) {
    if (struct instanceof Y.Skip) {
      hasGaps = true;
      continue;
    }
    const { client, clock } = struct.id;
    const range = ranges.get(client);
    if (range === undefined) {
      ranges.set(client, [clock, clock + struct.length]);
    } else {
      if (clock !== range[1]) hasGaps = true;
      range[1] = clock + struct.length;
    }
  }
  return { ranges, empty: structs.length === 0 && ds.clients.size === 0, hasGaps, deletes: ds.clients.size > 0 };
}
