/**
 * An account was to be made for an e-mail address that has one already: made meanwhile, by a registration or an
 * invitation accepted at the same moment (the callers ask first, and the store is where two such requests meet).
 * Nothing was created.
 */
export class EmailTaken extends Error {
  constructor() {
    super('an account with this e-mail address exists');
    this.name = 'EmailTaken';
  }
}

/** For a `catch`: EmailTaken as the caller's own error (what to tell the user), anything else as it was. */
export function rethrowAs(taken: () => Error): (error: unknown) => never {
  return (error) => {
    throw error instanceof EmailTaken ? taken() : error;
  };
}
