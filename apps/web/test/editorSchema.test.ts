import { getSchema } from '@tiptap/core';
import { RICH_TEXT_MARKS, RICH_TEXT_NODES } from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import { richTextStarterKit } from '../src/editor/richTextStarterKit.ts';

describe("the editor's schema is plan-model's rich-text schema", () => {
  it('has exactly the nodes and marks the server accepts', () => {
    const schema = getSchema([richTextStarterKit()]);
    expect(Object.keys(schema.nodes).sort()).toEqual(['doc', 'text', ...RICH_TEXT_NODES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...RICH_TEXT_MARKS].sort());
  });
});
