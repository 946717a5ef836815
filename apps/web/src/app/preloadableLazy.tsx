import type { ComponentType, ReactNode } from 'react';
import { chunkLoader, useChunk } from '../hooks/chunkLoader.ts';

export interface PreloadableLazy<P extends object> {
  /** Renders the component, or `fallback` until its chunk has arrived. */
  Component: ComponentType<P>;
  /** Starts fetching the chunk (once, again after a failure); resolves when it can render. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A page in a chunk of its own that renders at once when its chunk was preloaded, without React.lazy (see
 * useChunk). A chunk that fails to load is thrown to the nearest error boundary, as with `lazy`.
 */
export function preloadableLazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode,
): PreloadableLazy<P> {
  const loader = chunkLoader(load);

  function Component(props: P) {
    const { value: Loaded, error } = useChunk(loader);
    if (error !== undefined) throw error;
    if (!Loaded) return <>{fallback}</>;
    return <Loaded {...props} />;
  }
  return { Component, preload: loader.load };
}
