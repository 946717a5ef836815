import { EarlySocket } from './earlySocket.ts';
import { PlanConnection } from './PlanConnection.ts';

/** An early connection nobody claims within this time (the page went elsewhere) is closed. */
const UNCLAIMED_MS = 10_000;

let early: { planId: string; connection: PlanConnection; timer: ReturnType<typeof setTimeout> } | null = null;
/** The page has asked already: an early connection now would only be a second socket. */
let claimed = false;

/**
 * Makes the plan's connection as soon as its code has loaded, while React is still starting: the entry script calls
 * this on a plan's address. Its provider takes over the socket the entry script opened (EarlySocket), on which the
 * plan has usually arrived by then. The page claims the connection when it mounts (claimEarlyConnection) and says
 * who the user is.
 */
export function openPlanEarly(planId: string): void {
  if (early || claimed) return;
  const connection = new PlanConnection({ planId, early: true });
  const timer = setTimeout(() => {
    if (early?.connection !== connection) return;
    early = null;
    connection.destroy();
  }, UNCLAIMED_MS);
  early = { planId, connection, timer };
}

/**
 * The early connection to `planId`, handed out once, unless the server refused it (e.g. it was opened before the
 * user had logged in): then it is closed and the page opens its own.
 */
export function claimEarlyConnection(planId: string): PlanConnection | null {
  claimed = true;
  // Not taken by an early connection (its code did not load in time): the page's connection opens its own.
  EarlySocket.discard();
  const found = early;
  if (!found) return null;
  early = null;
  clearTimeout(found.timer);
  if (found.planId !== planId || found.connection.getSnapshot().failure) {
    found.connection.destroy();
    return null;
  }
  return found.connection;
}
