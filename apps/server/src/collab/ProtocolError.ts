import { CloseCode } from '@samplan/protocol';

/** A peer sent something the protocol does not allow; the peer is closed with `closeCode`. */
export class ProtocolError extends Error {
  readonly closeCode: number;

  constructor(message: string, closeCode: number = CloseCode.badMessage) {
    super(message);
    this.name = 'ProtocolError';
    this.closeCode = closeCode;
  }
}
