import { z } from 'zod/mini';

// The plain values of a meeting besides its date: when it starts and where to join it on video.

/** A clock time, 24-hour, as 'HH:MM' ('09:00', '13:30'). */
export const MeetingTimeSchema = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM'));

/** Where the meeting is: a room, an address. */
export const MeetingPlaceSchema = z.string().check(z.maxLength(300));

/** Longer than any video meeting link we know of (Teams links run to a few hundred characters). */
export const MAX_LINK_LENGTH = 2000;

/**
 * Whether `value` is a web address that may be shown as a link: `https://` and a host, nothing but printable
 * characters, no user name or password in it. Anything else (javascript:, data:, http:, a bare word) is kept out of
 * the plan by the server and never made a link by the app.
 */
export function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_LINK_LENGTH) return false;
  if (!/^https:\/\/[^\s\p{C}]+$/iu.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

/** A meeting's video link: an https address (see isHttpsUrl). */
export const HttpsUrlSchema = z.string().check(z.refine(isHttpsUrl, 'expected an https:// address'));
