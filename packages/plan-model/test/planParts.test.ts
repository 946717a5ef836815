import { describe, expect, it } from 'vitest';
import {
  COLLECTION_NAMES,
  META_MAP_NAME,
  PLAN_PARTS,
  PLAN_RICH_TEXT_FIELDS,
  isPlanPart,
  partOfCollection,
  partOfRootType,
  rootTypesOfPart,
} from '../src/index.ts';

describe('plan parts', () => {
  it('places every top-level type of the layout in exactly one part, and unknown names in annet', () => {
    const roots = [META_MAP_NAME, ...COLLECTION_NAMES, ...PLAN_RICH_TEXT_FIELDS];
    const placed = PLAN_PARTS.flatMap((part) => rootTypesOfPart(part));
    expect([...placed].sort()).toEqual([...roots].sort());
    for (const root of roots) expect(rootTypesOfPart(partOfRootType(root))).toContain(root);
    expect(partOfRootType('injected')).toBe('annet');
    expect(rootTypesOfPart('annet')).toEqual([]);
  });

  it('names the parts of the law the way the innsynslogg has stored them', () => {
    expect(partOfCollection('goals')).toBe('maal');
    expect(partOfRootType('about.child')).toBe('omBarnet');
    expect(partOfRootType('about.familyContribution')).toBe('bidrag');
    expect(partOfRootType(META_MAP_NAME)).toBe('planinfo');
    expect(isPlanPart('tiltak')).toBe(true);
    expect(isPlanPart('mal')).toBe(false);
  });
});
