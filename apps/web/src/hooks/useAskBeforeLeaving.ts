import { useEffect } from 'react';

/**
 * While `when` holds, the browser asks before the page is closed or reloaded (something typed would be lost).
 * Browsers show their own words; `message` is for those that still show the page's.
 */
export function useAskBeforeLeaving(when: boolean, message: string): void {
  useEffect(() => {
    if (!when) return;
    const ask = (event: BeforeUnloadEvent): string => {
      event.preventDefault();
      return message;
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [when, message]);
}
