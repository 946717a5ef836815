import type { Awareness } from 'y-protocols/awareness';
import { presenceFromStates, type PresenceEntry } from './presence.ts';

const NOBODY: readonly PresenceEntry[] = Object.freeze([]);

const sameEntries = (a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean =>
  a.length === b.length && a.every((entry, i) => JSON.stringify(entry) === JSON.stringify(b[i]));

/**
 * Who is in the plan, read from awareness once per change and shared by every component that shows it: the list,
 * and who is at each item and field. A lookup returns the same array while nothing about it changed, so a card
 * re-renders only when its own people do.
 */
export class PresenceIndex {
  private version = 0;
  private readVersion = -1;
  private all: readonly PresenceEntry[] = NOBODY;
  private byPlace = new Map<string, readonly PresenceEntry[]>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.onChange);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Everyone, me first (presenceFromStates). */
  entries = (): readonly PresenceEntry[] => {
    this.refresh();
    return this.all;
  };

  /** The others with this item open (`collection:id`) or in this field (`id:field`). */
  at(kind: 'item' | 'field', key: string): readonly PresenceEntry[] {
    this.refresh();
    return this.byPlace.get(`${kind} ${key}`) ?? NOBODY;
  }

  destroy(): void {
    this.awareness.off('change', this.onChange);
    this.listeners.clear();
  }

  private readonly onChange = (): void => {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  };

  private refresh(): void {
    if (this.readVersion === this.version) return;
    this.readVersion = this.version;
    const next = presenceFromStates(
      this.awareness.getStates() as Map<number, Record<string, unknown>>,
      this.awareness.clientID,
    );
    if (sameEntries(next, this.all)) return;
    this.all = next;
    const places = new Map<string, PresenceEntry[]>();
    for (const person of next) {
      if (person.isMe) continue;
      for (const place of [person.item && `item ${person.item}`, person.field && `field ${person.field}`]) {
        if (place) places.set(place, [...(places.get(place) ?? []), person]);
      }
    }
    const byPlace = new Map<string, readonly PresenceEntry[]>();
    for (const [place, people] of places) {
      const before = this.byPlace.get(place);
      byPlace.set(place, before && sameEntries(before, people) ? before : people);
    }
    this.byPlace = byPlace;
  }
}
