import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { undoDeleteFilter } from '../src/collab/undoDeleteFilter.ts';
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

  it("starts tracking the editors' own transactions when the first editor takes its view", () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const shared = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL]) });
    doc.transact(() => text.insert(0, 'før '), ySyncPluginKey);
    expect(shared.canUndo()).toBe(false);
    editorUndoManager(shared);
    doc.transact(() => text.insert(4, 'etter'), ySyncPluginKey);
    shared.undo();
    expect(text.toString()).toBe('før ');
  });
});

describe('undoDeleteFilter', () => {
  it('keeps a paragraph someone has written into when my insertion of it is undone', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL]), deleteFilter: undoDeleteFilter });
    doc.transact(() => fragment.insert(0, [new Y.XmlElement('paragraph'), new Y.XmlElement('bulletList')]), LOCAL);
    const paragraph = fragment.get(0) as Y.XmlElement;
    doc.transact(() => paragraph.insert(0, [new Y.XmlText('skrevet av en annen')]), 'remote');
    undo.undo();
    // The list (not protected) goes; the paragraph stays because it is not empty.
    expect(fragment.length).toBe(1);
    expect(fragment.toString()).toBe('<paragraph>skrevet av en annen</paragraph>');
  });

  it('removes an empty paragraph and anything that is not a type', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL]), deleteFilter: undoDeleteFilter });
    doc.transact(() => fragment.insert(0, [new Y.XmlElement('paragraph')]), LOCAL);
    undo.undo();
    expect(fragment.length).toBe(0);
    const text = doc.getText('t');
    doc.transact(() => text.insert(0, 'abc'), LOCAL);
    undo.undo();
    expect(text.toString()).toBe('');
  });
});
