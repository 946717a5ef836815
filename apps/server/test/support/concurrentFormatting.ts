import * as Y from 'yjs';

/** The formatting of the first text of fragment `f`, as read from a stored state. */
export function formattingOf(state: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = (doc.getXmlFragment('f').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  return text.toDelta() as unknown;
}

/**
 * Three writers at once on «abc»: one makes «b» bold, one (who has not seen that yet) deletes «b», one (who has
 * seen the bold, not the delete) writes a bold «X» after it. A document that takes them one by one as remote
 * changes tidies the first's bold away on the second's delete, as Yjs does after a remote change: no writer
 * deleted it, and the log read as a whole keeps «X» bold.
 */
export function concurrentFormatting(): Uint8Array[] {
  const base = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  base.getXmlFragment('f').insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, 'abc');
  const seed = Y.encodeStateAsUpdate(base);
  const writer = (...updates: Uint8Array[]) => {
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    const textOf = () => (doc.getXmlFragment('f').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    return { textOf, written: () => Y.encodeStateAsUpdate(doc, before) };
  };
  const bolder = writer(seed);
  bolder.textOf().format(1, 1, { bold: true });
  const bold = bolder.written();
  const deleter = writer(seed);
  deleter.textOf().delete(1, 1);
  const insert = writer(seed, bold);
  insert.textOf().insert(2, 'X', { bold: true });
  return [seed, bold, deleter.written(), insert.written()];
}
