import { personNameProblem } from '@samplan/api/personName';
import { nb } from '../i18n/index.ts';

/** What is wrong with a name typed for a new account, by the server's own rule; null when nothing is. */
export function nameError(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return nb.auth.required;
  switch (personNameProblem(trimmed)) {
    case 'characters':
      return nb.auth.nameOneLine;
    case 'link':
      return nb.auth.nameNoLink;
    default:
      return null;
  }
}
