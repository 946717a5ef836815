import type { ReactNode } from 'react';
import { isSafeLinkHref, type RichTextDoc, type RichTextMark, type RichTextNode } from '@samplan/plan-model';

// Renders stored rich text (ProseMirror JSON) as plain HTML: for fields whose editor is not mounted, and for the
// print view. Unknown node types render their children, so nothing written by a newer client is lost from view.

function withMark(mark: RichTextMark, child: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong key={key}>{child}</strong>;
    case 'italic':
      return <em key={key}>{child}</em>;
    case 'underline':
      return <u key={key}>{child}</u>;
    case 'strike':
      return <s key={key}>{child}</s>;
    case 'code':
      return <code key={key}>{child}</code>;
    case 'link': {
      const href = mark.attrs?.['href'];
      return isSafeLinkHref(href) ? (
        <a key={key} href={href} rel="noopener noreferrer nofollow" target="_blank">
          {child}
        </a>
      ) : (
        <span key={key}>{child}</span>
      );
    }
    default:
      return child;
  }
}

function renderNode(node: RichTextNode, key: number): ReactNode {
  const children = (node.content ?? []).map(renderNode);
  switch (node.type) {
    case 'text':
      return (node.marks ?? []).reduce<ReactNode>((inner, mark) => withMark(mark, inner, key), node.text ?? '');
    case 'paragraph':
      return <p key={key}>{children.length > 0 ? children : <br />}</p>;
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList':
      return <ol key={key}>{children}</ol>;
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'hardBreak':
      return <br key={key} />;
    case 'heading':
      return (
        <p key={key} className="rich-text__heading">
          {children}
        </p>
      );
    default:
      return <span key={key}>{children}</span>;
  }
}

export function isEmptyRichText(doc: RichTextDoc): boolean {
  const hasText = (node: RichTextNode): boolean =>
    (node.type === 'text' && (node.text ?? '').trim() !== '') || (node.content ?? []).some(hasText);
  return !doc.content.some(hasText);
}

export function RichTextView({ doc }: { doc: RichTextDoc }) {
  return <>{doc.content.map(renderNode)}</>;
}
