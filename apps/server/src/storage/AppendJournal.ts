import { closeSync, fdatasyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { crc32 } from './crc32.ts';

/** One committed update as the journal keeps it until it is moved into the database. */
export interface JournalRecord {
  planId: string;
  seq: number;
  userId: string | null;
  createdAt: number;
  update: Uint8Array;
}

const HEADER_BYTES = 8;

/**
 * An append-only file of committed updates: one `write` per batch makes updates durable against a killed
 * process at a fraction of a database transaction's cost; the database takes them over in bulk later.
 * Each record is `[u32 length][u32 crc32][payload]`; reading stops at the first torn or corrupt record.
 */
export class AppendJournal {
  private readonly fd: number;
  private readonly sync: boolean;

  private constructor(fd: number, sync: boolean) {
    this.fd = fd;
    this.sync = sync;
  }

  /** Opens (creating) the journal and returns the records a previous process left in it. */
  static open(path: string, sync: boolean): { journal: AppendJournal; recovered: JournalRecord[] } {
    const fd = openSync(path, 'a+', 0o600);
    return { journal: new AppendJournal(fd, sync), recovered: parseRecords(readFileSync(path)) };
  }

  append(records: readonly JournalRecord[]): void {
    const encoder = encoding.createEncoder();
    for (const record of records) {
      const payload = encodePayload(record);
      encoding.writeUint32(encoder, payload.byteLength);
      encoding.writeUint32(encoder, crc32(payload));
      encoding.writeUint8Array(encoder, payload);
    }
    const bytes = encoding.toUint8Array(encoder);
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(this.fd, bytes, written);
    if (this.sync) fdatasyncSync(this.fd);
  }

  /** Empties the journal once its records are safely in the database. */
  reset(): void {
    ftruncateSync(this.fd, 0);
    if (this.sync) fdatasyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

function encodePayload(record: JournalRecord): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, record.planId);
  encoding.writeVarUint(encoder, record.seq);
  encoding.writeVarString(encoder, record.userId ?? '');
  encoding.writeFloat64(encoder, record.createdAt);
  encoding.writeVarUint8Array(encoder, record.update);
  return encoding.toUint8Array(encoder);
}

function parseRecords(bytes: Uint8Array): JournalRecord[] {
  const records: JournalRecord[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset + HEADER_BYTES <= bytes.byteLength) {
    // lib0 writes uint32 little-endian.
    const length = view.getUint32(offset, true);
    const checksum = view.getUint32(offset + 4, true);
    const start = offset + HEADER_BYTES;
    if (start + length > bytes.byteLength) break;
    const payload = bytes.subarray(start, start + length);
    if (crc32(payload) !== checksum) break;
    const decoder = decoding.createDecoder(payload);
    const planId = decoding.readVarString(decoder);
    const seq = decoding.readVarUint(decoder);
    const userId = decoding.readVarString(decoder);
    const createdAt = decoding.readFloat64(decoder);
    const update = decoding.readVarUint8Array(decoder).slice();
    records.push({ planId, seq, userId: userId === '' ? null : userId, createdAt, update });
    offset = start + length;
  }
  return records;
}
