/** A websocket is refused or closed with `closeCode`; `reason` is a stable code (e.g. `MEMBERSHIP_ENDED`). */
export class SocketRefused extends Error {
  readonly closeCode: number;

  constructor(closeCode: number, reason: string) {
    super(reason);
    this.name = 'SocketRefused';
    this.closeCode = closeCode;
  }
}
