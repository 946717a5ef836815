import { useEffect, useState } from 'react';

/** Code in a chunk of its own, fetched once and then at hand synchronously. */
export interface ChunkLoader<T> {
  /** What the chunk gave, once it has loaded. */
  current(): T | undefined;
  /** Fetches the chunk (once; again after a failure). */
  load(): Promise<T>;
}

export function chunkLoader<T>(fetchChunk: () => Promise<T>): ChunkLoader<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    current: () => loaded,
    load: () => {
      loading ??= fetchChunk().then(
        (value) => (loaded = value),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}

/**
 * What `loader`'s chunk gives, for rendering: at once if it has loaded, else fetched when `wanted` and the
 * component re-rendered when it arrives. No Suspense: once a Suspense fallback has shown, React 19 holds the
 * content back until 300 ms after it appeared (its reveal throttle), even when the chunk comes a moment later.
 */
export function useChunk<T>(loader: ChunkLoader<T>, wanted = true): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ ready: boolean; error: unknown }>(() => ({
    ready: loader.current() !== undefined,
    error: undefined,
  }));
  useEffect(() => {
    if (state.ready || !wanted) return;
    let live = true;
    loader.load().then(
      () => live && setState({ ready: true, error: undefined }),
      (error: unknown) => live && setState({ ready: false, error }),
    );
    return () => {
      live = false;
    };
  }, [loader, state.ready, wanted]);
  return { value: state.ready ? loader.current() : undefined, error: state.error };
}
