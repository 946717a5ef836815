const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Yjs sends strings as UTF-8, where a lone surrogate arrives as U+FFFD on other peers but stays as it is here:
// the copies would differ forever. Every string written into the document goes through this first.
export function toWellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}
