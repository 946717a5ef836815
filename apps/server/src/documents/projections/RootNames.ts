import type * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
export type SharedType = Y.AbstractType<any>;

/** Finds the top-level name of any (nested) shared type of a document. */
export class RootNames {
  private readonly doc: Y.Doc;
  private byType = new Map<SharedType, string>();

  constructor(doc: Y.Doc) {
    this.doc = doc;
  }

  /** The top-level type a type lives in, and the item of that top-level map it lives under (if any). */
  rootOf(type: SharedType): { name: string; key: string | null } {
    let root = type;
    let key: string | null = null;
    while (root._item !== null) {
      key = root._item.parentSub;
      root = root._item.parent as SharedType;
    }
    let name = this.byType.get(root);
    if (name === undefined) {
      this.byType = new Map([...this.doc.share].map(([rootName, value]) => [value, rootName]));
      name = this.byType.get(root) ?? '';
    }
    return { name, key };
  }
}
