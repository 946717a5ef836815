import * as Y from 'yjs';
import { PLAN_LIMITS } from './planWrites.ts';
import { RICH_TEXT_MARKS, RICH_TEXT_NODES } from './richTextSchema.ts';
import { richTextMarkName } from './richTextToJSON.ts';

const nodes = new Set<string>(RICH_TEXT_NODES);
const marks = new Set<string>(RICH_TEXT_MARKS);

/**
 * Whether the editor can take this rich text as it is: only nodes and marks it knows (RICH_TEXT_NODES and
 * RICH_TEXT_MARKS), no deeper than PLAN_LIMITS. The editor's binding deletes what its schema cannot hold, so text
 * that is not editable is shown, never opened in the editor (iterative: deep text cannot overflow the stack).
 */
export function richTextEditable(fragment: Y.XmlFragment): boolean {
  const stack: Array<[Y.XmlFragment, number]> = [[fragment, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [parent, depth] = next;
    if (depth > PLAN_LIMITS.depth) return false;
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (!nodes.has(child.nodeName)) return false;
        stack.push([child, depth + 1]);
      } else if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
          if (typeof op.insert !== 'string') return false;
          for (const name of Object.keys(op.attributes ?? {})) if (!marks.has(richTextMarkName(name))) return false;
        }
      } else {
        return false;
      }
    }
  }
  return true;
}
