// Texts for who may see the plan: members and invitations, the family's consent, the innsynslogg, the invitation
// page and login with an external provider. Norwegian bokmål, like nb.ts.

import type { PlanPart } from '@samplan/plan-model';

const roleNames: Record<string, string> = {
  foresatt: 'foresatt',
  barn: 'barnet',
  koordinator: 'koordinator',
  deltaker: 'deltaker',
  lesetilgang: 'lesetilgang',
};

/** The role in running text: «som foresatt», «som deltaker». */
const asRole = (role: string): string =>
  role === 'lesetilgang' ? 'med lesetilgang' : role === 'barn' ? 'som barnet selv' : `som ${roleNames[role] ?? role}`;

const partNames: Record<PlanPart, string> = {
  planinfo: 'planens navn, periode og koordinator',
  omBarnet: 'Om barnet og familien',
  maal: 'Mål, ressurser og behov',
  deltakere: 'Deltakere',
  bidrag: 'Bidrag',
  tiltak: 'Tiltak',
  evaluering: 'Evaluering',
  samtykke: 'notatene om samtykke',
  samarbeid: 'Samarbeid',
  moter: 'Møter',
  oppgaver: 'Oppgaver',
  tjenester: 'Tjenester og kontakter',
  annet: 'andre deler av planen',
};

/** «a», «a og b», «a, b og c». */
export function listNb(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/** Who writes a part, in running text: «familien og koordinatoren», «foresatte, koordinatoren og deltakerne». */
function writersText(roles: readonly string[]): string {
  const family = roles.includes('foresatt') && roles.includes('barn');
  const names = [
    family ? 'familien' : roles.includes('foresatt') ? 'foresatte' : null,
    roles.includes('koordinator') ? 'koordinatoren' : null,
    roles.includes('deltaker') ? 'deltakerne i ansvarsgruppen' : null,
  ].filter((name): name is string => name !== null);
  return names.length === 0 ? 'ingen' : listNb(names);
}

const LOGIN_LEVELS: Record<string, string> = {
  'idporten-loa-high': 'høyt sikkerhetsnivå',
  'idporten-loa-substantial': 'betydelig sikkerhetsnivå',
  'idporten-loa-low': 'lavt sikkerhetsnivå',
};

/** How an account had logged in, in words: «e-post og passord», «ID-porten, høyt sikkerhetsnivå». */
function loginText(method: string, level: string | null): string {
  const how =
    method === 'password'
      ? 'e-post og passord'
      : method === 'oidc:idporten'
        ? 'ID-porten'
        : method.replace(/^oidc:/, '');
  return level ? `${how}, ${LOGIN_LEVELS[level] ?? level}` : how;
}

const actionNames: Record<string, string> = {
  read: 'åpne planen',
  readHistory: 'se historikken',
  nameVersion: 'gi navn til en versjon',
  restorePlan: 'hente tilbake hele planen',
  listMembers: 'se hvem som er med',
  invite: 'invitere',
  revokeFamily: 'endre familiens tilgang',
  revokeOther: 'endre andres tilgang',
  extendMembership: 'gi lengre tilgang enn sluttdatoen',
  confirmInvite: 'godkjenne en invitasjon til familien',
  withdrawFamilyInvite: 'trekke tilbake en invitasjon til familien',
  readConsent: 'se samtykkene',
  consent: 'registrere eller trekke samtykke',
  readLog: 'lese innsynsloggen',
  export: 'laste ned planen',
};

export const nbAccess = {
  nav: {
    label: 'Tilgang og innsyn',
    members: 'Deltakere og tilgang',
    log: 'Innsynslogg',
  },

  page: {
    backToPlan: 'Tilbake til planen',
    planFor: (child: string) => `Plan for ${child}`,
    tabsLabel: 'Tilgang og innsyn',
    retry: 'Prøv igjen',
    refresh: 'Oppdater',
  },

  members: {
    title: 'Deltakere og tilgang',
    intro:
      'Hvem som kan åpne planen i Samplan, med hvilken rolle og hvor lenge. Familien eier planen og bestemmer hvem som får være med.',
    notPlanList:
      'Listen under «Deltakere og koordinator» i planen beskriver ansvarsgruppa. Her ser du hvem som faktisk har tilgang.',
    listTitle: 'Har tilgang nå',
    you: '(deg)',
    role: 'Rolle',
    email: 'E-post',
    joined: 'Med siden',
    access: 'Tilgang',
    accessUntil: (date: string) => `Til og med ${date}`,
    accessNoEnd: 'Uten sluttdato',
    consent: 'Samtykke',
    consentStatus: {
      'ikke-nodvendig': 'Familien trenger ikke samtykke',
      gitt: 'Familien har samtykket',
      'venter-pa-familien': 'Laget planen. Familien har ikke svart på samtykke ennå',
      mangler: 'Mangler samtykke: kan ikke åpne planen ennå',
      'trukket-for-planen': 'Samtykket til planen er trukket: kan ikke åpne planen',
    } as Record<string, string>,
    actions: (name: string) => `Endre tilgangen til ${name}`,
    askFamily: 'Be familien om samtykke',
    askFamilyFor: (name: string) => `Be familien om samtykke for ${name}`,
    askedFamily: (name: string) =>
      `Familien har fått e-post om at ${name} venter på samtykke. E-posten sier ikke hvem det gjelder.`,
    changeEnd: 'Endre sluttdato',
    changeEndFor: (name: string) => `Endre sluttdato for ${name}`,
    endLabel: 'Tilgang til og med',
    endHint: 'dd.mm.åååå. La feltet stå tomt for tilgang uten sluttdato.',
    saveEnd: 'Lagre sluttdato',
    cancel: 'Avbryt',
    endSaved: (name: string) => `Sluttdatoen for ${name} er lagret.`,
    remove: 'Fjern tilgang',
    removeFor: (name: string) => `Fjern tilgang for ${name}`,
    removeConfirm: (name: string) =>
      `Vil du fjerne tilgangen til ${name}? ${name} blir koblet fra planen med en gang og kan ikke åpne den igjen uten en ny invitasjon.`,
    removeYes: 'Ja, fjern tilgangen',
    removed: (name: string) => `${name} har ikke lenger tilgang til planen.`,
    seeConsent: 'Se samtykket',
    seeConsentFor: (name: string) => `Se samtykket for ${name}`,
    recordConsent: 'Registrer samtykke',
    recordConsentFor: (name: string) => `Registrer familiens samtykke til å dele planen med ${name}`,
  },

  invites: {
    pendingTitle: 'Venter på svar',
    none: 'Ingen invitasjoner venter på svar.',
    olderTitle: (count: number) => `Tidligere invitasjoner (${count})`,
    status: {
      venter: 'Venter på svar',
      akseptert: 'Takket ja',
      utlopt: 'Utløpt',
      trukket: 'Trukket tilbake',
    } as Record<string, string>,
    invitedBy: (name: string, date: string) => `Invitert av ${name} ${date}`,
    validUntil: (date: string) => `Lenken virker til ${date}`,
    accessUntil: (date: string) => `Tilgang til og med ${date}`,
    acceptedAt: (date: string) => `Takket ja ${date}`,
    waitsForFamily: 'Venter på familien',
    waitsForYou:
      'Invitert før familien var med i planen. Godkjenn invitasjonen hvis personen skal være med i familien, ellers trekker du den tilbake.',
    waitsForFamilyHint:
      'Familien er med i planen nå. Invitasjonen gjelder når en foresatt har godkjent den, eller invitert personen selv.',
    confirm: 'Godkjenn',
    confirmFor: (email: string) => `Godkjenn invitasjonen til ${email}`,
    confirmed: (email: string) => `Invitasjonen til ${email} er godkjent. Lenken i e-posten de har fått, virker nå.`,
    withdraw: 'Trekk tilbake',
    withdrawFor: (email: string) => `Trekk tilbake invitasjonen til ${email}`,
    withdrawn: (email: string) => `Invitasjonen til ${email} er trukket tilbake. Lenken virker ikke lenger.`,
    linkLost:
      'Lenken vises bare når invitasjonen lages. Har den kommet bort, trekker du invitasjonen tilbake og lager en ny.',
  },

  inviteForm: {
    title: 'Inviter en person',
    intro:
      'Samplan sender invitasjonen på e-post til personen. E-posten sier hvem som inviterer, men ikke hvem planen gjelder. Du får også en lenke som du kan sende selv, for eksempel på SMS (ikke når du inviterer noen i familien: da går lenken bare til deres egen e-post).',
    email: 'E-postadressen til personen',
    emailHint: 'Personen logger inn eller lager konto med denne adressen.',
    role: 'Rolle i planen',
    /** What each role may do, as apps/server/PERMISSIONS.md has it; the parts named as the plan's side menu names them. */
    roleHelp: {
      foresatt:
        'Forelder eller foresatt. Familien eier planen: kan lese og skrive i hele planen, invitere andre, gi og trekke tilbake samtykke og lese innsynsloggen.',
      barn: 'Barnet eller ungdommen selv. Kan lese hele planen og skrive i «Om barnet og familien», «Mål» og «Evaluering».',
      koordinator:
        'Barnekoordinator eller koordinator. Kan lese og skrive i hele planen, invitere andre og lese innsynsloggen. Kan ikke gi samtykke for familien. Trenger familiens samtykke.',
      deltaker:
        'Med i ansvarsgruppa, for eksempel skole, helsestasjon eller NAV. Kan lese hele planen og skrive i «Tiltak», «Evaluering», «Samarbeid», «Møter», «Oppgaver» og «Tjenester og kontakter». Kan ikke endre barnets mål eller «Om barnet og familien». Trenger familiens samtykke.',
      lesetilgang: 'Kan lese hele planen, men ikke skrive i den. Trenger familiens samtykke.',
    } as Record<string, string>,
    roleOption: {
      foresatt: 'Foresatt (forelder eller verge)',
      barn: 'Barnet selv',
      koordinator: 'Koordinator',
      deltaker: 'Deltaker i ansvarsgruppa',
      lesetilgang: 'Lesetilgang',
    } as Record<string, string>,
    end: 'Tilgang til og med (valgfritt)',
    endHint: 'dd.mm.åååå. Etter denne dagen kan personen ikke lenger åpne planen. Tomt betyr ingen sluttdato.',
    endInvalid: 'Skriv datoen som dd.mm.åååå, for eksempel 20.06.2027.',
    endPast: 'Sluttdatoen må være fram i tid.',
    consent: 'Registrer familiens samtykke nå',
    consentHint: 'Personen kan ikke åpne planen før familien har samtykket til at planen deles med dem.',
    consentNeeded:
      'Personen kan åpne planen først når en foresatt har registrert familiens samtykke til at planen deles med dem.',
    givenBy: 'Samtykket er gitt av',
    givenByHint: 'For eksempel «Kari Nilsen (mor)».',
    note: 'Hva samtykket gjelder (valgfritt)',
    noteHint: 'For eksempel hvilke opplysninger som kan deles, og hvor lenge.',
    submit: 'Lag invitasjon',
    submitting: 'Lager invitasjon …',
    invalidEmail: 'Skriv en gyldig e-postadresse.',
    required: 'Fyll ut dette feltet.',
    created: (email: string) => `Invitasjonen er sendt på e-post til ${email}.`,
    linkLabel: 'Invitasjonslenke',
    linkHint: (date: string) =>
      `Kommer ikke e-posten fram, kan du sende lenken selv. Den kan brukes én gang og virker til ${date}. Lenken vises bare nå.`,
    /** An invitation into the family: its link goes to the invited address only. */
    mailOnly: (date: string) =>
      `Fordi dette er en invitasjon til familien, sendes lenken bare til denne e-postadressen, slik at bare personen selv kan takke ja. Lenken kan brukes én gang og virker til ${date}. Kommer ikke e-posten fram, lag en ny invitasjon og sjekk adressen.`,
    copy: 'Kopier lenken',
    copied: 'Lenken er kopiert.',
    copyFailed: 'Klarte ikke å kopiere. Merk lenken og kopier den selv.',
    another: 'Inviter en til',
  },

  consent: {
    intro:
      'Familien bestemmer hvem planen deles med. Alle utenfor familien trenger et samtykke som gjelder dem, før de kan åpne planen.',
    whoRecords: 'Bare foresatte kan registrere og trekke tilbake samtykke.',
    active: 'Gjelder',
    withdrawn: (date: string) => `Trukket tilbake ${date}`,
    forInvite: (email: string) => `${email} (har ikke takket ja ennå)`,
    givenBy: 'Gitt av',
    givenInSamplan: 'Gitt i Samplan',
    givenVia: (method: string, level: string | null) => `Innlogget med ${loginText(method, level)}`,
    givenAt: 'Gitt',
    recordedBy: 'Registrert av',
    withdrawnBy: 'Trukket tilbake av',
    withdrawalNote: 'Begrunnelse',
    withdraw: 'Trekk tilbake samtykket',
    withdrawForPlan: 'Trekk tilbake samtykket til planen',
    withdrawForSharing: (who: string) => `Trekk tilbake samtykket til å dele planen med ${who}`,
    withdrawEffect: (who: string) => `${who} mister tilgangen til planen med en gang.`,
    withdrawEffectPlan: 'Alle utenfor familien mister tilgangen til planen med en gang.',
    withdrawNote: 'Begrunnelse (valgfritt)',
    withdrawYes: 'Ja, trekk tilbake',
    cancel: 'Avbryt',
    withdrawnDone: 'Samtykket er trukket tilbake.',
    recordTitle: 'Registrer nytt samtykke',
    kind: 'Samtykket gjelder',
    kindPlan: 'Selve planen: at det lages en individuell plan',
    kindSharingWith: (name: string) => `Å dele planen med ${name}`,
    kindSharingInvite: (email: string) => `Å dele planen med ${email} (invitert)`,
    givenByLabel: 'Samtykket er gitt av',
    givenByHint: 'For eksempel «Kari Nilsen (mor)».',
    givenAtLabel: 'Dato samtykket ble gitt',
    givenAtHint: 'dd.mm.åååå. Tomt betyr i dag.',
    dateInvalid: 'Skriv datoen som dd.mm.åååå, for eksempel 20.06.2027.',
    dateFuture: 'Datoen kan ikke være fram i tid.',
    noteLabel: 'Hva samtykket gjelder (valgfritt)',
    noteHint: 'Hvilke opplysninger som kan deles, med hvem og hvor lenge.',
    submit: 'Registrer samtykket',
    submitting: 'Registrerer …',
    recorded: 'Samtykket er registrert.',
    required: 'Fyll ut dette feltet.',
  },

  log: {
    title: 'Innsynslogg',
    intro: 'Hvem som har sett og endret planen, og når. Det nyeste står øverst.',
    fromDate: (date: string) =>
      `Du ser loggen fra ${date}, da planen sist ble åpnet for deg. Det som skjedde før det, ser bare familien.`,
    sealed: 'Loggen kan ikke endres i ettertid: hver oppføring er låst til den forrige, så en endring ville vises her.',
    checkTitle: 'Kontroll av loggen',
    verifiedOk: 'Loggen er hel: ingen har endret eller slettet oppføringer i den',
    details: 'Vis detaljer',
    verifiedOkDetail: (count: number) =>
      count === 1
        ? 'Samplan har kontrollert oppføringen i loggen.'
        : `Samplan har kontrollert alle de ${count} oppføringene i loggen, og de henger sammen.`,
    /** The log's own entries behind the lines shown (one visit or one burst of opening is one line here). */
    grouped: (entries: number, lines: number) =>
      `Listen under har ${lines} linjer for de ${entries} oppføringene: når noen åpner planen flere ganger etter hverandre, står det på én linje.`,
    verifiedBad: 'Advarsel: loggen er endret',
    verifiedBadDetail: (seq: number, problem: string) =>
      `Oppføring nr. ${seq} stemmer ikke med resten av loggen (${problem}). Kontakt den som driver Samplan.`,
    problem: {
      'seq-gap': 'en oppføring mangler',
      'prev-hash-mismatch': 'en oppføring er fjernet eller satt inn',
      'hash-mismatch': 'innholdet er endret',
    } as Record<string, string>,
    problemUnknown: 'ukjent feil',
    checksum: 'Kontrollsum for loggen slik den er nå',
    checksumHint:
      'Noter den, eller ta vare på en nedlastet kopi av planen (den har kontrollsummen med). Da kan du senere sjekke at ingen har endret eller fjernet noe i loggen, heller ikke noen med tilgang til databasen.',
    filter: 'Vis',
    filterAll: 'Alt',
    filterViews: 'Hvem som har åpnet planen',
    filterChanges: 'Endringer i planen',
    filterAccess: 'Tilgang, invitasjoner og samtykke',
    caption: 'Oppføringer i innsynsloggen',
    when: 'Når',
    who: 'Hvem',
    what: 'Hva',
    empty: 'Ingen oppføringer.',
    showMore: (count: number) => `Vis ${count} eldre`,
    count: (shown: number, total: number) =>
      shown < total ? `Viser ${shown} av ${total} hendelser` : total === 1 ? '1 hendelse' : `${total} hendelser`,
    openedTimes: (times: number) => `${times} ganger`,
    system: 'Samplan (automatisk)',
    notLoggedIn: 'Ikke innlogget',
    unknownPerson: 'Ukjent person',
    someone: 'et medlem',
    forbidden: 'Bare foresatte og koordinatoren kan lese innsynsloggen.',
    describe: {
      created: (role: string) => `Opprettet planen ${asRole(role)}`,
      createdDemo: 'med eksempelinnhold',
      viewed: 'Så på planen',
      opened: 'Åpnet planen',
      openedReadOnly: 'Åpnet planen (bare lesetilgang)',
      exported: 'Lastet ned hele planen',
      // The parts' names have «og» of their own («Om barnet og familien»): quoted, the list's «og» reads apart.
      changed: (parts: string[]) => `Endret ${parts.length > 0 ? listNb(parts.map((part) => `«${part}»`)) : 'planen'}`,
      changedBetween: (from: string, to: string) => (from === to ? `kl. ${from}` : `kl. ${from}–${to}`),
      refusedConsent: 'Ble stoppet: familien har ikke gitt samtykke til at planen deles med denne personen',
      refusedRole: (action: string) => `Ble stoppet: rollen gir ikke lov til å ${action}`,
      editRefused: 'Prøvde å skrive i planen, men har bare lesetilgang. Endringen ble ikke lagret',
      editRefusedPart: (part: string) =>
        `Prøvde å endre ${part}, som rollen ikke gir lov til å endre. Endringen ble ikke lagret`,
      editRefusedOther: 'Prøvde å lagre en endring som ikke passet i planen. Endringen ble ikke lagret',
      editHeldBack: 'Skrev svært mye på kort tid. Resten ble holdt igjen og sendt etter en stund',
      invited: (email: string, role: string) => `Inviterte ${email} ${asRole(role)}`,
      accessUntil: (date: string) => `tilgang til og med ${date}`,
      inviteRevoked: (email: string) => `Trakk tilbake invitasjonen til ${email}`,
      inviteConfirmed: (email: string, role: string) => `Godkjente invitasjonen til ${email} ${asRole(role)}`,
      accepted: (role: string) => `Takket ja til invitasjonen og ble med i planen ${asRole(role)}`,
      acceptedAs: (email: string) => `invitert som ${email}`,
      inviteRefused: (reason: string) => `Prøvde å bruke en invitasjon som ${reason}`,
      inviteRefusedByLink: (email: string, reason: string) =>
        `Noen som ikke var logget inn, åpnet lenken i invitasjonen til ${email}, men kunne ikke bruke den fordi den ${reason}`,
      inviteRefusedReason: {
        INVITE_EXPIRED: 'var utløpt',
        INVITE_USED: 'allerede var brukt',
        INVITE_REVOKED: 'var trukket tilbake',
        INVITE_NEEDS_FAMILY: 'ventet på at familien skulle godkjenne den',
        INVITE_INVITER_GONE: 'var laget av en som ikke lenger var med i planen',
      } as Record<string, string>,
      inviteRefusedOther: 'ikke lenger gjaldt',
      memberRevoked: (name: string, role: string) => `Fjernet tilgangen til ${name} (${roleNames[role] ?? role})`,
      memberEndSet: (name: string, date: string) => `Satte sluttdato for tilgangen til ${name}: ${date}`,
      memberEndRemoved: (name: string) => `Fjernet sluttdatoen for tilgangen til ${name}`,
      memberExpired: (name: string, role: string) => `Tilgangen til ${name} (${roleNames[role] ?? role}) gikk ut`,
      consentPlan: (givenBy: string) => `Registrerte samtykke til planen, gitt av ${givenBy}`,
      consentSharing: (who: string, givenBy: string) =>
        `Registrerte samtykke til å dele planen med ${who}, gitt av ${givenBy}`,
      /** A consent given in Samplan: how the account that gave it had logged in. */
      consentVia: (method: string, level: string | null) => ` (innlogget med ${loginText(method, level)})`,
      consentRequested: 'Ba familien om samtykke for en som venter på det',
      consentWithdrawnPlan: 'Trakk tilbake samtykket til planen',
      consentWithdrawnSharing: (who: string) => `Trakk tilbake samtykket til å dele planen med ${who}`,
      consentWithdrawnSharingUnknown: 'Trakk tilbake et samtykke til å dele planen',
      /** A sharing consent ended with its subject's membership (removed, or its end date passed). */
      consentEndedWithMembership: (who: string) =>
        `Samtykket til å dele planen med ${who} gjelder ikke lenger, fordi tilgangen tok slutt. Blir personen invitert igjen, må familien gi samtykke på nytt`,
      accessEnded: (names: string[]) => `${listNb(names)} mistet tilgangen`,
      other: (action: string) => `Annen hendelse (${action})`,
      versionNamed: (name: string) => `Ga planen slik den var, navnet «${name}»`,
      restoredPlan: 'Hentet tilbake hele planen slik den var tidligere',
      restoredPart: (part: string) => `Hentet tilbake ${part} slik det var tidligere`,
      restoredItem: 'Hentet tilbake noe som var slettet eller endret',
      versionViewed: 'Så på en tidligere versjon av planen',
      versionCompared: 'Så hva som er endret mellom to versjoner av planen',
      historyViewed: 'Så historikken til planen, med det som er slettet',
    },
    parts: partNames,
    actions: actionNames,
    actionEdit: 'skrive i planen',
    actionOther: 'gjøre dette',
  },

  invitation: {
    title: 'Invitasjon til en individuell plan',
    loading: 'Henter invitasjonen …',
    missingToken:
      'Lenken er ufullstendig. Åpne hele lenken du fikk i meldingen, eller kopier den inn i adressefeltet på nytt.',
    notFound: 'Fant ikke invitasjonen. Sjekk at du har kopiert hele lenken.',
    expired: 'Invitasjonen er utløpt. Be den som inviterte deg om en ny lenke.',
    used: 'Invitasjonen er allerede brukt. Har du takket ja før, logger du inn for å finne planen under Mine planer.',
    revoked: 'Invitasjonen er trukket tilbake. Ta kontakt med den som inviterte deg.',
    waitsForFamily:
      'Familien er med i planen nå, og en i familien må godkjenne invitasjonen din før du kan bli med. Be dem godkjenne den under «Deltakere og tilgang». Denne lenken virker når de har gjort det.',
    openPlans: 'Gå til Mine planer',
    toLogin: 'Gå til innlogging',
    invitedYou: (who: string, plan: string) => `${who} har invitert deg til å være med i planen «${plan}».`,
    someoneInvitedYou: (plan: string) => `Du er invitert til å være med i planen «${plan}».`,
    yourRole: 'Din rolle',
    roleForYou: {
      foresatt:
        'Du er med som forelder eller foresatt. Familien eier planen: du kan lese og skrive i hele planen, invitere andre, gi og trekke tilbake samtykke og se hvem som har lest og endret planen.',
      barn: 'Du er med som barnet eller ungdommen planen handler om. Du kan lese hele planen og skrive i «Om barnet og familien», «Mål» og «Evaluering».',
      koordinator:
        'Du er med som koordinator. Du kan lese og skrive i hele planen, invitere andre og se innsynsloggen.',
      deltaker:
        'Du er med i ansvarsgruppa. Du kan lese hele planen og skrive i «Tiltak», «Evaluering», «Samarbeid», «Møter», «Oppgaver» og «Tjenester og kontakter».',
      lesetilgang: 'Du kan lese hele planen, men ikke skrive i den.',
    } as Record<string, string>,
    invitedEmail: 'Invitasjonen er sendt til',
    validUntil: 'Lenken virker til',
    accessUntil: 'Du får tilgang til og med',
    whatIsSamplan:
      'Samplan er stedet der familien, barnekoordinatoren og ansvarsgruppa lager og følger opp barnets individuelle plan sammen.',
    consentNote:
      'Familien bestemmer hvem planen deles med. Du kan åpne planen når familien har samtykket til at den deles med deg.',
    // Register
    registerTitle: 'Lag konto og bli med',
    registerIntro: (email: string) => `Du lager en konto for ${email}. Neste gang logger du inn med denne adressen.`,
    name: 'Navnet ditt',
    nameHint: 'Vises for de andre i planen.',
    password: 'Velg et passord',
    passwordHint: 'Minst 10 tegn.',
    passwordTooShort: 'Passordet må ha minst 10 tegn.',
    required: 'Fyll ut dette feltet.',
    register: 'Lag konto og bli med i planen',
    registering: 'Lager konto …',
    // Log in
    loginTitle: 'Logg inn for å bli med',
    loginIntro: (email: string) => `Det finnes allerede en konto for ${email}. Logg inn med den for å takke ja.`,
    email: 'E-post',
    loginPassword: 'Passord',
    login: 'Logg inn og bli med i planen',
    loggingIn: 'Logger inn …',
    // Logged in
    acceptTitle: 'Bli med i planen',
    loggedInAs: (name: string, email: string) => `Du er logget inn som ${name} (${email}).`,
    otherAccount: (email: string) =>
      `Invitasjonen ble sendt til ${email}, men du er logget inn med en annen konto. Takker du ja, blir planen knyttet til kontoen du er logget inn med.`,
    accept: 'Bli med i planen',
    accepting: 'Blir med …',
    logoutFirst: 'Logg ut og bruk en annen konto',
    switchToLogin: 'Har du allerede en konto i Samplan? Logg inn i stedet',
    switchToRegister: 'Har du ikke konto? Lag en ny',
  },

  oidc: {
    or: 'Eller',
    loginWith: (label: string) => `Logg inn med ${label}`,
    failed: 'Innloggingen ble ikke fullført. Prøv igjen, eller logg inn med e-post og passord.',
    /** An OpenID login whose address has a password account not yet confirmed by a mailed link. */
    unconfirmed:
      'Det finnes allerede en konto med denne e-postadressen, og vi vet ikke ennå at den er din. Lag et nytt passord med lenken vi sender til adressen. Etterpå kan du logge inn her på begge måter.',
  },

  errors: {
    FORBIDDEN: 'Rollen din i planen gir ikke lov til dette.',
    CONSENT_REQUIRED: 'Familien har ikke gitt samtykke til at planen deles med deg.',
    PLAN_NOT_FOUND: 'Fant ikke planen. Den finnes ikke, eller du har ikke tilgang til den.',
    LAST_MANAGER:
      'Planen må ha minst én foresatt eller koordinator uten sluttdato. Inviter en annen før du fjerner denne eller gir den en sluttdato.',
    INVITE_LIMIT: 'Du har sendt mange invitasjoner den siste timen. Vent litt, og prøv igjen.',
    FAMILY_ONLY: 'Bare familien kan gi lengre tilgang enn sluttdatoen som er satt, eller fjerne den.',
    MEMBER_NOT_FOUND: 'Personen har ikke lenger tilgang til planen.',
    INVITE_NOT_FOUND: 'Fant ikke invitasjonen. Sjekk at du har kopiert hele lenken.',
    INVITE_EXPIRED: 'Invitasjonen er utløpt. Be den som inviterte deg om en ny lenke.',
    INVITE_USED: 'Invitasjonen er allerede brukt.',
    INVITE_REVOKED: 'Invitasjonen er trukket tilbake.',
    ALREADY_MEMBER: 'Du er allerede med i denne planen.',
    ROLE_NOT_GRANTABLE:
      'Du kan ikke invitere noen med denne rollen. Bare familien kan invitere flere i familien, og ingen kan gi mer tilgang enn de selv har.',
    INVITE_FOR_OTHER_ADDRESS:
      'Invitasjonen er sendt til en annen e-postadresse enn den du er logget inn med. Logg ut, og logg inn med adressen invitasjonen ble sendt til.',
    INVITE_NEEDS_FAMILY:
      'Familien er allerede med i planen. Be noen i familien om å godkjenne invitasjonen din, eller om å invitere deg.',
    INVITE_INVITER_GONE:
      'Den som inviterte deg, er ikke lenger med i planen, så invitasjonen virker ikke. Be familien eller koordinatoren om en ny invitasjon.',
    CONSENT_NOT_FOUND: 'Fant ikke samtykket.',
    CONSENT_ALREADY_WITHDRAWN: 'Samtykket er allerede trukket tilbake.',
    VALIDATION_FAILED: 'Noe i skjemaet er ikke gyldig. Sjekk feltene og prøv igjen.',
    RATE_LIMITED: 'For mange forsøk på kort tid. Vent et minutt og prøv igjen.',
    UNAUTHENTICATED: 'Du er logget ut. Logg inn igjen for å fortsette.',
    INVALID_CREDENTIALS: 'Feil e-post eller passord.',
    EMAIL_TAKEN: 'Det finnes allerede en konto for denne adressen. Logg inn i stedet.',
    LOGIN_LOCKED: 'Kontoen er midlertidig låst etter for mange feil passord. Vent litt og prøv igjen.',
  } as Record<string, string>,

  /** On a plan a koordinator made, until the family has given its consent. */
  nextStep: {
    text: 'Planen venter på familien: inviter foreldrene (eller barnet selv). Andre kan åpne planen først når familien har takket ja og gitt samtykke.',
    link: 'Gå til «Deltakere og tilgang»',
  },

  familyConsent: {
    title: 'Før planen tas i bruk: familiens samtykke',
    /** Said on the plan once the family's consent is given (the step led there). */
    given: (shared: { members: number; invited: number }) => {
      const parts = [
        shared.members === 1 ? 'Én annen kan nå åpne planen.' : '',
        shared.members > 1 ? `${shared.members} andre kan nå åpne planen.` : '',
        shared.invited === 1 ? 'Én som er invitert, kan åpne den når hen har takket ja.' : '',
        shared.invited > 1 ? `${shared.invited} som er invitert, kan åpne den når de har takket ja.` : '',
      ].filter(Boolean);
      return parts.length === 0
        ? 'Samtykket er lagret. Planen er bare for familien til dere deler den.'
        : `Samtykket er lagret. ${parts.join(' ')} Du kan endre dette under «Deltakere og tilgang».`;
    },
    intro: (child: string) =>
      `Planen for ${child} er laget i Samplan. Før andre enn familien kan se den, må dere samtykke. Les gjennom og velg hvem som skal få se planen.`,
    whatTitle: 'Hva er planen?',
    what: 'En individuell plan samler barnets mål, hva som skal gjøres, og hvem som har ansvar for hva, på ett sted. Familien eier planen.',
    whoTitle: 'Hvem skal kunne se planen?',
    /** `creator`: the koordinator who made the plan, when the plan can be shared with them here. */
    whoIntro: (creator: string | null) =>
      `Kryss av for dem dere vil dele planen med. Bare de dere krysser av for, kan åpne planen. ${
        creator
          ? `Det gjelder også ${creator}, som laget planen: uten kryss kan ${creator} ikke lenger åpne den.`
          : 'Det gjelder også den som laget planen.'
      } De andre venter til dere eventuelt samtykker senere.`,
    familyTitle: 'I familien',
    familyNote: 'Familien kan alltid se og skrive i planen.',
    familyInvited: (email: string, role: string) => `${email} (${role}), invitert, har ikke takket ja ennå`,
    /** A family invitation made by someone outside the family (`inviter`, named: it may be anyone), not confirmed. */
    familyWaiting: (email: string, role: string, inviter: string) =>
      `${email} (${role}) ble invitert av ${inviter} og kan bli med i familien når en av dere godkjenner det. Godkjenn bare hvis personen hører til familien.`,
    nobodyElse:
      'Ingen utenfor familien er med i planen ennå. Dere kan samtykke til planen nå, og velge hvem den deles med senere.',
    shareWith: (name: string, role: string) => `Del planen med ${name} (${role})`,
    invited: (email: string) => `${email}, invitert, har ikke takket ja ennå`,
    /** What a role may do in the plan, from the parts it writes (packages/api partRights). */
    mayDo: (parts: readonly PlanPart[], everything: boolean) =>
      everything
        ? 'Kan lese og skrive i hele planen, som familien.'
        : parts.length === 0
          ? 'Kan lese hele planen, men ikke skrive i den.'
          : `Kan lese hele planen og skrive i ${listNb(parts.map((part) => `«${partNames[part]}»`))}.`,
    changeTitle: 'Dere kan ombestemme dere',
    change:
      'Dere kan trekke samtykket tilbake når som helst under «Deltakere og tilgang». Da kan de det gjelder, ikke lenger åpne planen.',
    recordedAs: (name: string) =>
      `Samtykket lagres med navnet ditt (${name}) og hvordan du logget inn, så det alltid går an å se hvem som ga det.`,
    note: 'Merknad (valgfritt)',
    noteHint: 'For eksempel hva som ikke skal deles, eller hvor lenge samtykket gjelder.',
    give: 'Gi samtykke',
    giving: 'Lagrer samtykket …',
    /** Asked when the parent gives consent with someone left unticked: who will not be able to open the plan. */
    confirmTitle: 'Noen kan ikke åpne planen',
    confirmIntro: 'Du har ikke krysset av for alle. Gir du samtykke nå, gjelder dette:',
    leftOut: (name: string, role: string, options: { creator: boolean; invited: boolean }) =>
      options.creator
        ? `${name} (${roleNames[role] ?? role}) laget planen, men kan ikke åpne den hvis du ikke krysser av.`
        : options.invited
          ? `${name} (${roleNames[role] ?? role}, invitert) kan ikke åpne planen når de takker ja.`
          : `${name} (${roleNames[role] ?? role}) kan ikke åpne planen.`,
    confirmLater: 'Dere kan dele planen med dem senere under «Deltakere og tilgang».',
    confirmYes: 'Gi samtykke likevel',
    confirmBack: 'Gå tilbake og kryss av',
    later: 'Ikke nå',
    laterNote: 'Planen kan ikke deles med noen utenfor familien før dere har samtykket.',
  },

  connection: {
    consentRequired:
      'Du kan ikke åpne planen ennå. Familien må først samtykke til at planen deles med deg. Ta kontakt med familien eller koordinatoren.',
    membershipEnded:
      'Tilgangen din til planen er avsluttet. Den kan ha blitt fjernet, eller sluttdatoen er passert. Endringer du ikke har sendt, er ikke lagret.',
    consentWithdrawn:
      'Familien har trukket tilbake samtykket til at planen deles med deg. Du har ikke lenger tilgang til planen.',
    tooManyConnections:
      'Du har planen åpen i for mange faner eller vinduer. Lukk noen av dem og last siden inn på nytt.',
    updateRefused: 'En endring ble ikke lagret. Planen hentes på nytt.',
  },

  parts: {
    /** Shown above a part this member may read but not change. */
    readOnly: (part: PlanPart, writers: readonly string[]) =>
      `Denne delen skrives av ${writersText(writers)}. Du kan lese den, men ikke endre den.`,
    /** After the server refused an edit and the plan was loaded again (packages/protocol UpdateRefusal). */
    refused: (code: string, part: string | null) =>
      code === 'part-read-only' && part && part in partNames
        ? `Endringen din i «${partNames[part as PlanPart]}» ble ikke lagret, fordi du ikke kan endre den delen av planen. Planen er hentet på nytt, slik den er lagret.`
        : code === 'read-only'
          ? 'Endringen din ble ikke lagret, fordi du har lesetilgang til planen. Planen er hentet på nytt, slik den er lagret.'
          : 'Endringen din ble ikke lagret, fordi serveren ikke kunne godta den. Planen er hentet på nytt, slik den er lagret.',
  },
} as const;
