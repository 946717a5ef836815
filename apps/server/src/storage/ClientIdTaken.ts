/**
 * An append claimed a Yjs client id that another account already writes the plan with. With one instance the Room
 * refuses such an update before it gets here; with several, two instances can accept claims of one id at the same
 * moment, and the store is where they meet. Nothing of the append is committed.
 */
export class ClientIdTaken extends Error {
  readonly planId: string;
  readonly clientId: number;

  constructor(planId: string, clientId: number) {
    super(`client id ${clientId} of plan ${planId} belongs to another account`);
    this.name = 'ClientIdTaken';
    this.planId = planId;
    this.clientId = clientId;
  }
}
