import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

type Listener = (...args: never[]) => void;

/**
 * Lets several Tiptap editors share the plan's one UndoManager. y-tiptap's undo plugin destroys the manager it is
 * given when its editor unmounts, which would end undo for the whole plan; this view forwards everything to the
 * shared manager (methods bound to it, so its internal state stays consistent) except `destroy`, which only
 * removes the listeners this editor added. Per-editor properties that the Collaboration extension sets (its
 * `restore` hook) stay on the view. It also makes the shared manager track the editors' transactions (Tiptap's
 * origin), which it only knows about once the editor code has loaded.
 */
export function editorUndoManager(shared: Y.UndoManager): Y.UndoManager {
  shared.addTrackedOrigin(ySyncPluginKey);
  const added: Array<[string, Listener]> = [];
  const own = new Map<PropertyKey, unknown>();
  return new Proxy(shared, {
    get(target, prop) {
      if (own.has(prop)) return own.get(prop);
      if (prop === 'destroy') {
        return () => {
          for (const [name, listener] of added.splice(0)) target.off(name as never, listener as never);
        };
      }
      if (prop === 'on') {
        return (name: string, listener: Listener) => {
          added.push([name, listener]);
          target.on(name as never, listener as never);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(target, prop, value) {
      if (prop === 'restore' || prop === '_yTiptapDocDestroyListeners') {
        own.set(prop, value);
        return true;
      }
      return Reflect.set(target, prop, value, target);
    },
    has(target, prop) {
      return own.has(prop) || Reflect.has(target, prop);
    },
  });
}
