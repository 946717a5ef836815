import { lazy, useState, type ComponentType } from 'react';

export interface PreloadableLazy<P extends object> {
  /** Renders the component; suspends only if its chunk has not arrived yet. */
  Component: ComponentType<P>;
  /** Starts fetching the chunk (once); resolves when it can render. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * `React.lazy` that does not suspend once its chunk is loaded. Plain `lazy` suspends on its first render even when
 * the chunk was preloaded, and React then holds the page behind the fallback for its 300 ms reveal throttle; here
 * a preloaded page renders at once.
 */
export function preloadableLazy<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableLazy<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => (loading ??= load().then((component) => (loaded = component)));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));

  function Component(props: P) {
    // Chosen once per mount: switching component types later would remount the page and lose its state.
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Chosen {...props} />;
  }
  return { Component, preload };
}
