import StarterKit from '@tiptap/starter-kit';
import { isSafeLinkHref } from '@samplan/plan-model';

/**
 * Tiptap's StarterKit holding exactly plan-model's RICH_TEXT_NODES and RICH_TEXT_MARKS (test/editorSchema.test.ts
 * keeps the two equal; the server refuses anything else). History comes from Yjs (Collaboration); trailingNode would
 * write to the shared doc on every mount. Links only to the addresses the server takes (isSafeLinkHref): a pasted
 * link to anything else stays plain text rather than an edit the server refuses.
 */
export function richTextStarterKit() {
  return StarterKit.configure({
    undoRedo: false,
    trailingNode: false,
    heading: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: true,
      isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && isSafeLinkHref(url),
    },
  });
}
