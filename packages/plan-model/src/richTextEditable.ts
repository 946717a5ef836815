import * as Y from 'yjs';
import { PLAN_LIMITS } from './planWrites.ts';
import { isMarkValue, isNodeAttribute, RICH_TEXT_NODES } from './richTextSchema.ts';
import { richTextMarkName } from './richTextToJSON.ts';

const nodes = new Set<string>(RICH_TEXT_NODES);

/**
 * Whether the editor can take this rich text as it is: only nodes and marks it knows, with the attributes they have
 * (RICH_TEXT_NODE_ATTRIBUTES, RICH_TEXT_MARK_ATTRIBUTES), no deeper than PLAN_LIMITS. The editor's binding deletes
 * what its schema cannot hold (an element's unknown attribute as soon as anything in the field is edited), so text
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
        const attributes = Object.entries(child.getAttributes() as Record<string, unknown>);
        if (!attributes.every(([name, value]) => isNodeAttribute(child.nodeName, name, value))) return false;
        stack.push([child, depth + 1]);
      } else if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
          if (typeof op.insert !== 'string') return false;
          for (const [name, value] of Object.entries(op.attributes ?? {}))
            if (!isMarkValue(richTextMarkName(name), value)) return false;
        }
      } else {
        return false;
      }
    }
  }
  return true;
}
