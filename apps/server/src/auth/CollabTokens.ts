import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors/AppError.ts';

const PayloadSchema = z.object({ v: z.literal(2), u: z.string(), p: z.string(), s: z.string(), exp: z.number() });

export interface CollabTokenClaims {
  userId: string;
  planId: string;
  /** The login session it was issued in: logging out of it ends the token too. */
  sessionId: string;
  expiresAt: number;
}

/**
 * Short-lived tokens that let one user open one plan's websocket within one login session:
 * `base64url(payload).base64url(hmac)`.
 */
export class CollabTokens {
  private readonly secret: string;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(secret: string, ttlSeconds: number, now: () => number = Date.now) {
    this.secret = secret;
    this.ttlMs = ttlSeconds * 1000;
    this.now = now;
  }

  issue(userId: string, planId: string, sessionId: string): { token: string; expiresAt: number } {
    const expiresAt = this.now() + this.ttlMs;
    const claims = { v: 2, u: userId, p: planId, s: sessionId, exp: expiresAt };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresAt };
  }

  /** Throws INVALID_TOKEN for a tampered or foreign token, TOKEN_EXPIRED for an old one. */
  verify(token: string, planId: string): CollabTokenClaims {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) throw new AppError('INVALID_TOKEN', 'Ugyldig token');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new AppError('INVALID_TOKEN', 'Ugyldig token');
    }
    const parsed = PayloadSchema.safeParse(safeJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.p !== planId) throw new AppError('INVALID_TOKEN', 'Ugyldig token');
    if (parsed.data.exp <= this.now()) throw new AppError('TOKEN_EXPIRED', 'Tokenet er utløpt');
    return { userId: parsed.data.u, planId: parsed.data.p, sessionId: parsed.data.s, expiresAt: parsed.data.exp };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
