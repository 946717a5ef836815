import { useEffect } from 'react';
import { nb } from '../i18n/index.ts';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – ${nb.appName}` : nb.appName;
  }, [title]);
}
