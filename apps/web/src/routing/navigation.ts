import { useSyncExternalStore } from 'react';

const CHANGE = 'samplan:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = (): string => location.pathname + location.search;

/** The current path and query, re-rendering on navigation. */
export function useLocationPath(): { pathname: string; search: string } {
  const path = useSyncExternalStore(subscribe, snapshot);
  const index = path.indexOf('?');
  return index < 0 ? { pathname: path, search: '' } : { pathname: path.slice(0, index), search: path.slice(index) };
}
