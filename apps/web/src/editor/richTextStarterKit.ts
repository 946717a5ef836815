import StarterKit from '@tiptap/starter-kit';
import { isSafeLinkHref } from '@samplan/plan-model';

/** An address with a scheme, read as a browser does (tabs and line breaks dropped): «javascript:», «ftp:». */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Typed or pasted text with no scheme that Tiptap links, a host name or an e-mail address («www.nav.no»,
 * «kari@nav.no»): it is linked to http:… or mailto:…, which the server takes.
 */
const isHostOrEmail = (url: string): boolean => /^[a-z0-9]/i.test(url) && !SCHEME.test(url.replace(/[\s\p{Cc}]/gu, ''));

/**
 * Tiptap's StarterKit holding exactly plan-model's RICH_TEXT_NODES and RICH_TEXT_MARKS (test/editorSchema.test.ts
 * keeps the two equal; the server refuses anything else). History comes from Yjs (Collaboration); trailingNode would
 * write to the shared doc on every mount. Links only to the addresses the server takes (isSafeLinkHref), or to a
 * host name or e-mail address as typed, which Tiptap gives one of those: a pasted link to anything else stays plain
 * text rather than an edit the server refuses (and SafeLinks catches what Tiptap links without asking).
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
      isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && (isSafeLinkHref(url) || isHostOrEmail(url)),
    },
  });
}
