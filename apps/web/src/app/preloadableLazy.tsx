import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface PreloadableLazy<P extends object> {
  /** Renders the component, or `fallback` until its chunk has arrived. */
  Component: ComponentType<P>;
  /** Starts fetching the chunk (once, again after a failure); resolves when it can render. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A page in a chunk of its own, without React.lazy. Plain `lazy` suspends, and once a Suspense fallback has
 * shown, React 19 holds the content back until 300 ms after it appeared (its reveal throttle), even when the
 * chunk arrives a moment later. Here the page shows its own fallback and renders as soon as the chunk is here
 * (at once when it was preloaded). A chunk that fails to load is thrown to the nearest error boundary.
 */
export function preloadableLazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode,
): PreloadableLazy<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

  function Component(props: P) {
    const [state, setState] = useState<{ ready: boolean; error?: unknown }>(() => ({ ready: loaded !== undefined }));
    useEffect(() => {
      if (state.ready) return;
      let live = true;
      preload().then(
        () => live && setState({ ready: true }),
        (error: unknown) => live && setState({ ready: false, error }),
      );
      return () => {
        live = false;
      };
    }, [state.ready]);
    if (state.error !== undefined) throw state.error;
    const Loaded = state.ready ? loaded : undefined;
    if (!Loaded) return <>{fallback}</>;
    return <Loaded {...props} />;
  }
  return { Component, preload };
}
