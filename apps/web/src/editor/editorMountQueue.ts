export type Cancel = () => void;

export interface Scheduler {
  /** Calls `run` once the browser has a moment, in a task of its own. */
  later(run: () => void): void;
  /** True while the page is being scrolled: an editor started now would stall the scrolling. */
  scrolling(): boolean;
}

/** A scroll within this long counts as scrolling still. */
const SCROLL_QUIET_MS = 200;
let lastScrollAt = -Infinity;
if (typeof window !== 'undefined') {
  window.addEventListener('scroll', () => (lastScrollAt = performance.now()), { capture: true, passive: true });
}

const browserScheduler: Scheduler = {
  later: (run) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 250 });
    else setTimeout(run, 0);
  },
  scrolling: () => performance.now() - lastScrollAt < SCROLL_QUIET_MS,
};

/**
 * Starts Tiptap editors one per task instead of all in the render that made their fields visible. Each editor
 * costs tens of milliseconds to create; a section with a dozen on screen would otherwise freeze the page for a
 * moment just as it becomes usable. None start while the page is being scrolled (fields passing by would each
 * start one, and each stalls a frame); the ones in view start when the scrolling stops. Fields show their content
 * as HTML until their turn comes.
 */
export class EditorMountQueue {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  constructor(private readonly scheduler: Scheduler = browserScheduler) {}

  /** Queues `mount`; the returned function takes it out again if it has not run yet. */
  enqueue(mount: () => void): Cancel {
    this.waiting.push(mount);
    this.schedule();
    return () => {
      const index = this.waiting.indexOf(mount);
      if (index >= 0) this.waiting.splice(index, 1);
    };
  }

  get size(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    this.scheduler.later(this.runOne);
  }

  private readonly runOne = (): void => {
    this.scheduled = false;
    if (!this.scheduler.scrolling()) this.waiting.shift()?.();
    this.schedule();
  };
}

/** The queue all rich-text fields of the page share. */
export const editorMountQueue = new EditorMountQueue();
