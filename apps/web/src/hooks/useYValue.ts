import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

export interface UseYValueOptions<T> {
  /** Observe nested types too (e.g. positions inside a collection's items). */
  deep?: boolean;
  /** When the recomputed value equals the old one, components keep the old object and do not re-render. */
  equals?: (a: T, b: T) => boolean;
}

type Observable = Pick<Y.AbstractType<unknown>, 'observe' | 'unobserve' | 'observeDeep' | 'unobserveDeep'>;

interface Cache<T> {
  version: number;
  deps: readonly unknown[];
  value: T;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * A value read from a Yjs type, recomputed only when that type (or, with `deep`, anything inside it) changes or
 * `deps` change. The read function must only depend on the type and `deps`.
 */
export function useYValue<T>(
  type: Observable | null | undefined,
  read: () => T,
  deps: readonly unknown[],
  options: UseYValueOptions<T> = {},
): T {
  const { deep = false, equals = Object.is } = options;
  const version = useRef(0);
  const cache = useRef<Cache<T> | null>(null);
  const readRef = useRef(read);
  readRef.current = read;

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      const handler = (): void => {
        version.current += 1;
        onChange();
      };
      if (deep) type.observeDeep(handler);
      else type.observe(handler);
      return () => {
        if (deep) type.unobserveDeep(handler);
        else type.unobserve(handler);
      };
    },
    [type, deep],
  );

  const allDeps = [type, ...deps];
  const getSnapshot = (): T => {
    const current = cache.current;
    if (current && current.version === version.current && sameDeps(current.deps, allDeps)) return current.value;
    const value = readRef.current();
    if (current && sameDeps(current.deps, allDeps) && equals(current.value, value)) {
      current.version = version.current;
      return current.value;
    }
    cache.current = { version: version.current, deps: allDeps, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

export function arraysEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

export function jsonEqual<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
