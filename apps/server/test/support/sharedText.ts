import * as Y from 'yjs';

// The server refuses writes outside the plan's layout, so tests that need one text several peers type into use
// the title of one goal, made once by the first peer (before the others connect, so nobody makes it twice).
const SHARED_GOAL_ID = 'felles-tekst';

/** Makes the shared text in `doc` (a goal with a Y.Text title), unless it is there. */
export function createSharedText(doc: Y.Doc): void {
  const goals = doc.getMap<Y.Map<unknown>>('goals');
  if (goals.has(SHARED_GOAL_ID)) return;
  doc.transact(() => {
    const goal = new Y.Map<unknown>();
    goals.set(SHARED_GOAL_ID, goal);
    goal.set('id', SHARED_GOAL_ID);
    goal.set('title', new Y.Text());
  });
}

/** The shared text; throws until the doc has it (create it first, or sync). */
export function sharedText(doc: Y.Doc): Y.Text {
  const goal = doc.getMap<Y.Map<unknown>>('goals').get(SHARED_GOAL_ID);
  if (!goal) throw new Error('no shared text in this doc yet');
  return goal.get('title') as Y.Text;
}

/** One edit that adds a task whose id is `marker`: an item of the plan, as a test's countable edit. */
export function addMarker(doc: Y.Doc, marker: string): void {
  doc.transact(() => {
    const task = new Y.Map<unknown>();
    doc.getMap<Y.Map<unknown>>('tasks').set(marker, task);
    task.set('id', marker);
  });
}

/** The markers `doc` has (addMarker). */
export const markersIn = (doc: Y.Doc): string[] => [...doc.getMap('tasks').keys()];
