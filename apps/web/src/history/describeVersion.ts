import type { ChangeInfo, VersionInfo } from '@samplan/api';
import type { PlanPart } from '@samplan/plan-model';
import { nbHistory } from '../i18n/index.ts';
import { titleText } from './fieldValue.ts';

const t = nbHistory.version;

/** One version in plain Norwegian: «Kari Nilsen endret mål og tiltak». */
export function describeVersion(version: VersionInfo): string {
  const names = version.authors.map((author) => author.name);
  // Where the history of someone outside the family starts: who wrote what before is the family's.
  if (names.length === 0 && version.fromSeq === version.seq && version.parts.length === 0) return t.asFound;
  if (names.length === 0 && version.fromSeq !== 1 && version.kind !== 'restore')
    return t.changedByUnnamed(version.parts);
  if (version.fromSeq === 1) return t.created(names[0] ?? nbHistory.removedNotice.someone);
  if (version.kind === 'restore') return t.restored(names[0] ?? nbHistory.removedNotice.someone, version.parts);
  return t.changed(names, version.parts);
}

/** What a version removed, as a sentence («Slettet målet «Gå selv» og 2 til.»), or null when nothing. */
export function describeRemoved(version: VersionInfo): string | null {
  if (version.removedCount === 0) return null;
  const items = version.removed.map(({ collection, title, back }) => {
    const named = title
      ? `${nbHistory.itemNoun[collection]} «${titleText(collection, title)}»`
      : nbHistory.itemNoun[collection];
    return back ? `${named} (${t.broughtBack})` : named;
  });
  return t.removed(items, version.removedCount - items.length);
}

/** The latest version named when a meeting was held, if any. */
export function lastMeetingVersion(versions: readonly VersionInfo[]): VersionInfo | undefined {
  return versions.find((version) => version.nameKind === 'meeting');
}

/**
 * Who else changed what: the people (not me) and the parts they changed, and what they deleted («Sofie Andersen
 * slettet målet «…» og 2 til.», or null), or null when only I changed anything.
 */
export function othersChanges(
  changes: readonly ChangeInfo[],
  myId: string,
): { names: string[]; parts: PlanPart[]; removed: string | null } | null {
  const names = new Set<string>();
  const parts = new Set<PlanPart>();
  const removed: ChangeInfo[] = [];
  for (const change of changes) {
    const others = change.by.filter((person) => person.id !== myId);
    if (others.length === 0) continue;
    for (const person of others) names.add(person.name);
    parts.add(change.part);
    if (change.kind === 'removed' && change.collection) removed.push(change);
  }
  if (names.size === 0) return null;
  const first = removed[0];
  const removedText =
    first && first.collection
      ? nbHistory.sinceLastVisit.removed(
          [...new Set(removed.flatMap((change) => change.by.filter((p) => p.id !== myId).map((p) => p.name)))],
          nbHistory.itemNoun[first.collection],
          first.title ? titleText(first.collection, first.title) : '',
          removed.length - 1,
        )
      : null;
  return { names: [...names], parts: [...parts], removed: removedText };
}
