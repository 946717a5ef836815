/**
 * Thrown, and nothing of the pass written, when a projection pass was computed from a cursor that is no longer the
 * stored one: another pass (another instance) committed meanwhile. The projector reads the new cursor and goes on
 * from there, so each update is projected, and each change-log entry written, once.
 */
export class StaleProjectionPass extends Error {
  readonly planId: string;

  constructor(
    planId: string,
    stored: { seq: number; changeLoggedThrough: number },
    from: { seq: number; changeLoggedThrough: number },
  ) {
    super(
      `projection of ${planId} is at seq ${stored.seq} (change log ${stored.changeLoggedThrough}); ` +
        `a pass from seq ${from.seq} (change log ${from.changeLoggedThrough}) is stale`,
    );
    this.name = 'StaleProjectionPass';
    this.planId = planId;
  }
}
