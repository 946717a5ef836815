import { describe, expect, it } from 'vitest';
import { cssString, printPageStyle } from '../src/print/printPageStyle.ts';

// The child's name is written by a member of the plan and lands in a style element of the print view.
describe('the printed pages’ header', () => {
  it('quotes a name that tries to end the string, the rule or the style element', () => {
    const hostile =
      'Emma"; } body { display: none } @page { @top-left { content: "x</style><script>alert(1)</script>\n\\';
    const quoted = cssString(hostile);
    // One string: no quote, angle bracket, line break or backslash of the name is left bare inside it.
    expect(quoted.slice(1, -1)).not.toMatch(/["<>\n\r]/);
    expect(quoted.slice(1, -1).replace(/\\[0-9a-f]+ /g, '')).not.toContain('\\');
    expect(quoted).toBe(
      '"Emma\\22 ; } body { display: none } @page { @top-left { content: \\22 x\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\a \\5c "',
    );
    const style = printPageStyle(hostile);
    expect(style).toContain(`@top-left { content: ${cssString(`Individuell plan for ${hostile}`)};`);
    // Outside its strings, the style is only our own rule.
    const rules = style.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(rules.match(/@page/g)).toHaveLength(1);
    expect(rules).not.toContain('body');
    expect(style).not.toContain('</style>');
  });
});
