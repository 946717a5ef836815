import type { NotificationInfo } from '@samplan/api';
import { formatDate } from './formatDate.ts';

// "Varsler": what happened that concerns me, and what reaches me by mail.

const inDays = (days: number | undefined): string =>
  days === undefined ? '' : days === 0 ? ' i dag' : days === 1 ? ' i morgen' : ` om ${days} dager`;

export const nbNotifications = {
  title: 'Varsler',
  navLink: (unread: number) => (unread > 0 ? `Varsler (${unread} ${unread === 1 ? 'ny' : 'nye'})` : 'Varsler'),
  intro: 'Her ser du det som gjelder deg i planene dine. Du velger selv hva du også vil få på e-post.',
  empty: 'Du har ingen varsler.',
  unread: 'Ny',
  markAllRead: 'Merk alle som lest',
  loadFailed: 'Klarte ikke å hente varslene.',
  /** One notification, in a sentence. */
  text(n: NotificationInfo): string {
    const title = n.data.title?.trim() ? `«${n.data.title.trim()}»` : '';
    switch (n.kind) {
      case 'task':
        return `${n.data.byName ? `${n.data.byName} har gitt deg` : 'Du har fått'} oppgaven ${title || 'uten navn'} i planen for ${n.childName}${n.data.date ? `, frist ${formatDate(n.data.date)}` : ''}.`;
      case 'meeting':
        return `Du er med på møtet ${title || 'uten navn'}${inDays(n.data.days)} (${formatDate(n.data.date)}) i planen for ${n.childName}.`;
      case 'due': {
        const what =
          n.data.what === 'revision' ? `Revisjonen ${formatDate(n.data.date)}` : `Evalueringen av ${title || 'et mål'}`;
        return (n.data as { overdue?: boolean }).overdue
          ? `${what} i planen for ${n.childName} er på overtid.`
          : `${what} i planen for ${n.childName} skal gjøres${inDays(n.data.days)}.`;
      }
      case 'consentRequest':
        return `${n.data.byName ?? 'Koordinatoren'} ber familien om samtykke for en som venter, i planen for ${n.childName}.`;
    }
  },
  settingsTitle: 'Hva vil du få på e-post?',
  settingsIntro:
    'E-postene sier bare hva slags ting som har skjedd og hvem som gjorde det, aldri hva som står i planen eller hvem planen gjelder.',
  mailKinds: {
    task: 'Når noen gir meg en oppgave',
    meeting: 'Når jeg skal på møte om tre dager',
    due: 'Når en evaluering eller revisjon skal gjøres',
    consentRequest: 'Når noen ber familien om samtykke',
  },
  digest: 'Oppsummering av endringer i planene mine',
  digests: { av: 'Nei takk', daglig: 'Hver dag', ukentlig: 'Hver uke' },
  save: 'Lagre valgene',
  saved: 'Valgene er lagret.',
  saveFailed: 'Klarte ikke å lagre valgene. Prøv igjen.',
};
