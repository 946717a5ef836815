/** A run of text that is the same in both, only in the new text, or only in the old. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Words and the spaces between them, so a diff never splits a word. */
const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/** Above this many token pairs the texts are shown as replaced whole instead (the diff is quadratic). */
const MAX_CELLS = 4_000_000;

function push(segments: DiffSegment[], kind: DiffSegment['kind'], text: string): void {
  const last = segments[segments.length - 1];
  if (last && last.kind === kind) last.text += text;
  else if (text !== '') segments.push({ kind, text });
}

/**
 * What turns `before` into `after`, word by word (a longest common subsequence of words and spaces): the old
 * text is the `same` and `removed` segments in order, the new text the `same` and `added` ones.
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  const segments: DiffSegment[] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  push(segments, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(segments, 'removed', midA.join(''));
    push(segments, 'added', midB.join(''));
  } else {
    // lengths[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const width = midB.length + 1;
    const lengths = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lengths[i * width + j] =
          midA[i] === midB[j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
        push(segments, 'same', midA[i++]!);
        j++;
      } else if (
        i < midA.length &&
        (j === midB.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)
      ) {
        // What was removed is shown before what replaced it.
        push(segments, 'removed', midA[i++]!);
      } else {
        push(segments, 'added', midB[j++]!);
      }
    }
  }
  push(segments, 'same', a.slice(endA).join(''));
  return segments;
}
