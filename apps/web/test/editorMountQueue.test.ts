import { describe, expect, it } from 'vitest';
import { EditorMountQueue } from '../src/editor/editorMountQueue.ts';

/** A scheduler the test steps by hand: each `tick` runs one scheduled task. */
function manualScheduler() {
  const tasks: Array<() => void> = [];
  const scheduler = {
    isScrolling: false,
    later: (run: () => void) => void tasks.push(run),
    scrolling: () => scheduler.isScrolling,
    tick: () => tasks.shift()?.(),
    get pending() {
      return tasks.length;
    },
  };
  return scheduler;
}

describe('EditorMountQueue', () => {
  it('starts one editor per task, in the order they came into view', () => {
    const scheduler = manualScheduler();
    const queue = new EditorMountQueue(scheduler);
    const started: string[] = [];
    queue.enqueue(() => started.push('a'));
    queue.enqueue(() => started.push('b'));
    queue.enqueue(() => started.push('c'));
    expect(started).toEqual([]);
    expect(scheduler.pending).toBe(1);
    scheduler.tick();
    expect(started).toEqual(['a']);
    scheduler.tick();
    expect(started).toEqual(['a', 'b']);
    scheduler.tick();
    expect(started).toEqual(['a', 'b', 'c']);
    expect(scheduler.pending).toBe(0);
  });

  it('skips a field that left the screen before its turn', () => {
    const scheduler = manualScheduler();
    const queue = new EditorMountQueue(scheduler);
    const started: string[] = [];
    queue.enqueue(() => started.push('a'));
    const cancelB = queue.enqueue(() => started.push('b'));
    queue.enqueue(() => started.push('c'));
    cancelB();
    expect(queue.size).toBe(2);
    scheduler.tick();
    scheduler.tick();
    expect(started).toEqual(['a', 'c']);
    expect(scheduler.pending).toBe(0);
    cancelB(); // cancelling again, or after the queue ran dry, changes nothing
    expect(queue.size).toBe(0);
  });

  it('schedules again when a field comes into view after the queue ran dry', () => {
    const scheduler = manualScheduler();
    const queue = new EditorMountQueue(scheduler);
    const started: string[] = [];
    queue.enqueue(() => started.push('a'));
    scheduler.tick();
    expect(scheduler.pending).toBe(0);
    queue.enqueue(() => started.push('b'));
    expect(scheduler.pending).toBe(1);
    scheduler.tick();
    expect(started).toEqual(['a', 'b']);
  });

  it('starts none while the page is scrolled, and goes on when the scrolling stops', () => {
    const scheduler = manualScheduler();
    const queue = new EditorMountQueue(scheduler);
    const started: string[] = [];
    queue.enqueue(() => started.push('a'));
    queue.enqueue(() => started.push('b'));
    scheduler.isScrolling = true;
    scheduler.tick();
    scheduler.tick();
    expect(started).toEqual([]);
    expect(scheduler.pending).toBe(1); // it keeps asking
    scheduler.isScrolling = false;
    scheduler.tick();
    expect(started).toEqual(['a']);
    scheduler.tick();
    expect(started).toEqual(['a', 'b']);
  });
});
