import { createHash, randomBytes } from 'node:crypto';

/** Opaque random id for users and plans: 128 bits, URL-safe, says nothing about order or count. */
export const newId = (): string => randomBytes(16).toString('base64url');

/** A secret token (session) and the hash under which it is stored. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
