import type { AttentionItem } from '@samplan/plan-model';
import { formatDate } from './formatDate.ts';

// Mine planer as a worklist: what needs attention in each plan, named, and the list's search, filter and order.

const days = (n: number): string => (n === 1 ? '1 dag' : `${n} dager`);
const named = (title: string, fallback: string): string => (title.trim() ? `«${title.trim()}»` : fallback);

export const nbCaseload = {
  /** One thing that needs attention, in a sentence ("Evaluering av «Gå selv i skolebygget» er 12 dager på overtid"). */
  item(item: AttentionItem): string {
    switch (item.kind) {
      case 'evaluationOverdue':
        return `Evaluering av ${named(item.title, 'et mål uten navn')} er ${days(item.days)} på overtid`;
      case 'evaluationDue':
        return item.days === 0
          ? `Evaluering av ${named(item.title, 'et mål uten navn')} skal gjøres i dag`
          : `Evaluering av ${named(item.title, 'et mål uten navn')} om ${days(item.days)} (${formatDate(item.dueDate)})`;
      case 'revisionPassed':
        return `Revisjon ${formatDate(item.date)} er passert`;
      case 'revisionDue':
        return item.days === 0 ? 'Revisjon i dag' : `Revisjon ${formatDate(item.date)}, om ${days(item.days)}`;
      case 'taskOverdue':
        return `Oppgaven ${named(item.title, 'uten navn')} er ${days(item.days)} på overtid`;
      case 'familyConsentWaiting':
        return 'Venter på samtykke fra familien';
      case 'meetingNotMarked':
        return `Møtet ${named(item.title, 'uten navn')} ${formatDate(item.date)} er ikke merket som holdt`;
      case 'consentWaiting':
        return item.count === 1
          ? '1 deltaker venter på samtykke fra familien'
          : `${item.count} deltakere venter på samtykke fra familien`;
    }
  },
  /** Whether an item is something past due (shown as a warning) rather than coming up or waiting. */
  isOverdue: (item: AttentionItem): boolean =>
    item.kind === 'evaluationOverdue' || item.kind === 'revisionPassed' || item.kind === 'taskOverdue',
  more: (count: number) => (count === 1 ? 'og 1 ting til' : `og ${count} ting til`),
  /** The "og N ting til" button, once the card shows every item. */
  fewer: 'Vis færre',
  /**
   * A plan I cannot open after the family has answered: they answered without me, or withdrew consent to the plan.
   * (Before they answer: nb.plans.waitingForConsent.)
   */
  locked: {
    gitt: {
      badge: 'Familien har ikke delt planen med deg',
      hint: 'Familien har svart på samtykket, men krysset ikke av for deg. Be familien om å gi deg tilgang under «Deltakere og tilgang» i planen.',
    },
    trukket: {
      badge: 'Familien har trukket tilbake samtykket til planen',
      hint: 'Ingen utenfor familien kan åpne planen nå. Ta kontakt med familien hvis dere skal fortsette samarbeidet.',
    },
  },
  nothing: 'Ingenting trenger oppfølging nå',
  lastChange: (date: string, name: string | null) => (name ? `Sist endret ${date} av ${name}` : `Sist endret ${date}`),
  toolsLabel: 'Finn en plan',
  search: 'Søk etter barnets navn',
  filter: 'Vis',
  filters: {
    all: 'Alle planer',
    attention: 'Trenger oppfølging',
    overdue: 'Noe er på overtid',
    consent: 'Venter på samtykke',
  },
  sort: 'Rekkefølge',
  sorts: {
    urgency: 'Det som haster mest først',
    name: 'Barnets navn',
    changed: 'Sist endret først',
  },
  showing: (shown: number, total: number) =>
    shown === total ? `${total} planer` : `Viser ${shown} av ${total} planer`,
  noMatch: 'Ingen planer passer med søket og filteret.',
};
