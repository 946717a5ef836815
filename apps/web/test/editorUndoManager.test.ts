import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorUndoManager } from '../src/editor/editorUndoManager.ts';

const LOCAL = { name: 'local' };

describe('the plan-wide undo manager shared by editors', () => {
  it('survives an editor destroying its view of it', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const shared = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL]) });
    const view = editorUndoManager(shared);
    let added = 0;
    view.on('stack-item-added', () => {
      added += 1;
    });
    doc.transact(() => text.insert(0, 'a'), LOCAL);
    expect(added).toBe(1);
    view.destroy();
    doc.transact(() => text.insert(1, 'b'), LOCAL);
    // The editor's listener is gone, the shared manager still records.
    expect(added).toBe(1);
    expect(shared.canUndo()).toBe(true);
    shared.undo();
    expect(text.toString()).toBe('');
  });

  it('undoes through the view onto the redo stack (state lives on the shared manager)', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const shared = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL]) });
    const view = editorUndoManager(shared);
    doc.transact(() => text.insert(0, 'hei'), LOCAL);
    view.undo();
    expect(text.toString()).toBe('');
    expect(shared.redoStack.length).toBe(1);
    view.redo();
    expect(text.toString()).toBe('hei');
  });

  it('only undoes my own edits', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const shared = new Y.UndoManager(mine, { trackedOrigins: new Set([LOCAL]) });
    mine.transact(() => mine.getText('t').insert(0, 'min '), LOCAL);
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    theirs.getText('t').insert(4, 'og din');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), 'remote');
    shared.undo();
    expect(mine.getText('t').toString()).toBe('og din');
  });
});
