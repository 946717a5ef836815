import { nb } from '../i18n/index.ts';

/** `text` as a quoted CSS string: quotes, backslashes, angle brackets and line breaks as escapes. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The printed pages' own header and footer (CSS page margin boxes): whose plan it is and its marking on every
 * page, and the page number out of how many.
 */
export function printPageStyle(childName: string): string {
  const small = 'font-size: 8.5pt; color: #333;';
  return [
    '@page {',
    `  @top-left { content: ${cssString(nb.print.pageHeader(childName))}; ${small} }`,
    `  @top-right { content: ${cssString(nb.print.marking)}; ${small} font-weight: bold; }`,
    `  @bottom-right { content: ${cssString(`${nb.print.page} `)} counter(page) ${cssString(` ${nb.print.of} `)} counter(pages); ${small} }`,
    '}',
  ].join('\n');
}
