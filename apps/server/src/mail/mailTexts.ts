// The mails' words, in Norwegian bokmål. A mail can be read by anyone who sees the recipient's inbox, and the fact
// that a child has an individuell plan is itself health information: a mail never names the child or the plan and
// holds no plan content. It says what kind of thing happened, who did it, and where to go. Who did it is a name an
// account chose: one line without web addresses (@samplan/api personName.ts), so no text or link of theirs rides along.

import { personNameProblem } from '@samplan/api/personName';

export interface MailText {
  subject: string;
  body: string;
}

const FOOTER = [
  '',
  '--',
  'Denne e-posten er sendt automatisk fra Samplan. Du kan ikke svare på den.',
  'Samplan sender aldri innholdet i en plan på e-post. Logg inn for å se det.',
];

const formatDate = (at: number): string =>
  new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(
    at,
  );

/**
 * A name as a mail may carry it: one kept from before names were checked (several lines, a web address) is not
 * carried, the mail saying «Noen i Samplan» instead.
 */
const named = (name: string): string => (personNameProblem(name) === null ? name : 'Noen i Samplan');

export const mailTexts = {
  invitation: (input: { inviterName: string; link: string; expiresAt: number }): MailText => ({
    subject: `${named(input.inviterName)} har invitert deg til Samplan`,
    body: [
      'Hei!',
      '',
      `${named(input.inviterName)} har invitert deg til å samarbeide i Samplan.`,
      '',
      'Åpne invitasjonen her:',
      input.link,
      '',
      `Lenken virker til og med ${formatDate(input.expiresAt)}, og den kan bare brukes én gang.`,
      'Hvis du ikke venter en invitasjon, kan du se bort fra denne e-posten.',
      ...FOOTER,
    ].join('\n'),
  }),

  passwordReset: (input: { link: string; validMinutes: number }): MailText => ({
    subject: 'Lag nytt passord i Samplan',
    body: [
      'Hei!',
      '',
      'Noen, forhåpentligvis du, har bedt om å få lage nytt passord for kontoen din i Samplan.',
      '',
      'Lag nytt passord her:',
      input.link,
      '',
      `Lenken virker i ${input.validMinutes} minutter, og den kan bare brukes én gang.`,
      'Har du ikke bedt om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.',
      ...FOOTER,
    ].join('\n'),
  }),

  consentRequest: (input: { askerName: string; link: string }): MailText => ({
    subject: `${named(input.askerName)} ber om samtykke i Samplan`,
    body: [
      'Hei!',
      '',
      `${named(input.askerName)} ber familien om samtykke til at en ny deltaker får se en plan dere har i Samplan.`,
      'Bare familien kan gi samtykke, og dere kan trekke det tilbake når som helst.',
      '',
      'Logg inn og se hvem det gjelder:',
      input.link,
      ...FOOTER,
    ].join('\n'),
  }),

  task: (input: { byName: string | null; link: string }): MailText => ({
    subject: input.byName
      ? `${named(input.byName)} har gitt deg en oppgave i Samplan`
      : 'Du har fått en oppgave i Samplan',
    body: [
      'Hei!',
      '',
      input.byName
        ? `${named(input.byName)} har gitt deg en oppgave i en plan i Samplan.`
        : 'Du har fått en oppgave i en plan i Samplan.',
      '',
      'Logg inn og se oppgaven:',
      input.link,
      ...FOOTER,
    ].join('\n'),
  }),

  meeting: (input: { days: number; link: string }): MailText => ({
    subject: input.days === 0 ? 'Du har et møte i Samplan i dag' : `Du har et møte i Samplan om ${input.days} dager`,
    body: [
      'Hei!',
      '',
      input.days === 0
        ? 'Du er med på et møte i dag, i en plan i Samplan.'
        : `Du er med på et møte om ${input.days} dager, i en plan i Samplan.`,
      '',
      'Logg inn og se tid, sted og saker:',
      input.link,
      ...FOOTER,
    ].join('\n'),
  }),

  due: (input: { what: 'evaluation' | 'revision'; overdue: boolean; link: string }): MailText => {
    const thing = input.what === 'evaluation' ? 'En evaluering' : 'En revisjon';
    return {
      subject: input.overdue ? `${thing} i Samplan er på overtid` : `${thing} i Samplan skal gjøres snart`,
      body: [
        'Hei!',
        '',
        input.overdue
          ? `${thing} i en av planene dine er på overtid.`
          : `${thing} i en av planene dine skal gjøres snart.`,
        '',
        'Logg inn og se hva som trenger oppfølging:',
        input.link,
        ...FOOTER,
      ].join('\n'),
    };
  },

  digest: (input: { plans: number; weekly: boolean; link: string }): MailText => ({
    subject: 'Endringer i planene dine i Samplan',
    body: [
      'Hei!',
      '',
      `${input.weekly ? 'Den siste uken' : 'Det siste døgnet'} er det gjort endringer i ${input.plans === 1 ? 'én av planene' : `${input.plans} av planene`} dine i Samplan.`,
      '',
      'Logg inn og se hva som er endret:',
      input.link,
      '',
      'Du kan velge om og hvor ofte du får denne e-posten under Varsler i Samplan.',
      ...FOOTER,
    ].join('\n'),
  }),
};
