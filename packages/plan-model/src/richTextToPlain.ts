import type { RichTextDoc, RichTextNode } from './richTextSchema.ts';

function inline(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inline).join('');
}

function blocks(nodes: readonly RichTextNode[], indent: string): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      const start = Number.isFinite(node.attrs?.['start']) ? (node.attrs!['start'] as number) : 1;
      (node.content ?? []).forEach((item, index) => {
        const marker = node.type === 'bulletList' ? '- ' : `${start + index}. `;
        const [first = '', ...rest] = blocks(item.content ?? [], indent + ' '.repeat(marker.length));
        lines.push(indent + marker + first.trimStart(), ...rest);
      });
    } else if (node.type === 'blockquote') {
      lines.push(...blocks(node.content ?? [], indent + '> '));
    } else if (node.type === 'text' || node.type === 'hardBreak') {
      lines.push(indent + inline(node));
    } else if (node.content?.some((child) => child.type === 'text' || child.type === 'hardBreak') ?? true) {
      lines.push(
        ...inline(node)
          .split('\n')
          .map((line) => indent + line),
      );
    } else {
      lines.push(...blocks(node.content ?? [], indent));
    }
  }
  return lines;
}

// Plain text for search, notifications and exports: one line per block, lists as "- " / "1. ".
export function richTextToPlain(json: RichTextDoc | RichTextNode): string {
  return blocks(json.content ?? [], '').join('\n');
}
