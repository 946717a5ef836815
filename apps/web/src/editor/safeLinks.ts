import { combineTransactionSteps, Extension, getChangedRanges } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { isSafeLinkHref } from '@samplan/plan-model';

/** A change that came from the shared document (another person's, or an undo), not from this editor. */
const fromSharedDoc = (transaction: Transaction): boolean =>
  (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

/**
 * Keeps this editor from writing a link the server refuses (plan-model isSafeLinkHref): in each paragraph this user
 * changes, a link to any other address becomes plain text. Tiptap makes such a link when text is pasted over a
 * selection (it links to the pasted address as it is, «ftp://…», without asking isAllowedUri), and a plan may hold
 * one from before the server checked links («#_Toc1» from a pasted table of contents), which splitting or joining
 * its paragraph writes again. Changes from the shared document are left as they are.
 */
export function safeLinksPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('safeLinks'),
    appendTransaction(transactions, oldState, newState) {
      const link = newState.schema.marks['link'];
      if (!link || !transactions.some((transaction) => transaction.docChanged && !fromSharedDoc(transaction))) {
        return null;
      }
      const tr = newState.tr;
      for (const { newRange } of getChangedRanges(combineTransactionSteps(oldState.doc, [...transactions]))) {
        newState.doc.nodesBetween(newRange.from, newRange.to, (node, pos) => {
          if (!node.isTextblock) return true;
          node.forEach((child, offset) => {
            for (const mark of child.marks) {
              if (mark.type !== link || isSafeLinkHref(mark.attrs['href'])) continue;
              tr.removeMark(pos + 1 + offset, pos + 1 + offset + child.nodeSize, mark);
            }
          });
          return false;
        });
      }
      return tr.docChanged ? tr : null;
    },
  });
}

/** safeLinksPlugin as a Tiptap extension. */
export const SafeLinks = Extension.create({
  name: 'safeLinks',
  addProseMirrorPlugins: () => [safeLinksPlugin()],
});
