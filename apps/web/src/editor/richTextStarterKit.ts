import StarterKit from '@tiptap/starter-kit';

/**
 * Tiptap's StarterKit holding exactly plan-model's RICH_TEXT_NODES and RICH_TEXT_MARKS (test/editorSchema.test.ts
 * keeps the two equal; the server refuses anything else). History comes from Yjs (Collaboration); trailingNode would
 * write to the shared doc on every mount.
 */
export function richTextStarterKit() {
  return StarterKit.configure({
    undoRedo: false,
    trailingNode: false,
    heading: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    link: { openOnClick: false, autolink: true },
  });
}
