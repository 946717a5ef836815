// Every text the user sees, in Norwegian bokmål. Components import `nb` and never hold their own strings.

export const nb = {
  appName: 'Samplan',
  appTagline: 'Individuell plan, sammen',
  skipToContent: 'Hopp til innholdet',
  loading: 'Laster …',
  errorGeneric: 'Noe gikk galt. Prøv igjen.',
  errorNetwork: 'Fikk ikke kontakt med serveren. Sjekk nettet og prøv igjen.',

  notFound: {
    title: 'Fant ikke siden',
    text: 'Adressen finnes ikke i Samplan.',
  },

  /** A page that failed while it was being shown (often a part of the app that could not be fetched). */
  pageFailed: {
    title: 'Siden kunne ikke vises',
    text: 'Noe gikk galt da siden skulle vises, kanskje fordi nettet var borte et øyeblikk. Ofte hjelper det å laste siden inn på nytt.',
    reload: 'Last inn siden på nytt',
  },

  nav: {
    myPlans: 'Mine planer',
    logout: 'Logg ut',
    loggedInAs: 'Logget inn som',
    mainLabel: 'Hovedmeny',
    everywhereTitle: 'Logget inn på en annen maskin?',
    everywhereHint:
      'Har du logget inn på en maskin du ikke har tilgang til nå, for eksempel på jobb eller hos noen andre, kan du logge ut der også.',
    logoutEverywhere: 'Logg ut på alle enheter',
    /** Logging out would delete changes typed without a network that are not sent yet (session/LogoutButton). */
    unsent: {
      title: (plans: number) =>
        plans === 1
          ? 'Noe du har skrevet uten nett, er ikke sendt ennå. Det gjelder denne planen:'
          : `Noe du har skrevet uten nett, er ikke sendt ennå. Det gjelder disse ${plans} planene:`,
      untitled: 'Plan uten navn',
      hint: 'Logger du ut nå, slettes det fra denne enheten, og de andre i planen får det aldri. Åpne planen mens du har nett, så sendes det av seg selv. Så kan du logge ut.',
      logoutAnyway: 'Logg ut og slett det som ikke er sendt',
      stay: 'Ikke logg ut',
    },
  },

  auth: {
    loginTitle: 'Logg inn',
    registerTitle: 'Opprett konto',
    intro:
      'Samplan er stedet der familien, barnekoordinatoren og ansvarsgruppa lager og følger opp den individuelle planen sammen.',
    email: 'E-post',
    password: 'Passord',
    passwordHint: 'Minst 10 tegn.',
    name: 'Navnet ditt',
    nameHint: 'Vises for de andre som jobber i planen.',
    nameOneLine: 'Skriv navnet på én linje, uten spesialtegn.',
    nameNoLink: 'Navnet kan ikke inneholde en nettadresse. Skriv bare navnet ditt.',
    login: 'Logg inn',
    register: 'Opprett konto',
    loggingIn: 'Logger inn …',
    registering: 'Oppretter konto …',
    noAccount: 'Har du ikke konto?',
    toRegister: 'Opprett en konto',
    haveAccount: 'Har du allerede konto?',
    toLogin: 'Logg inn',
    invalidCredentials: 'Feil e-post eller passord.',
    emailTaken: 'Det finnes allerede en konto med denne e-postadressen.',
    registrationDisabled: 'Det er ikke mulig å opprette konto her. Kontakt den som driver tjenesten.',
    passwordTooShort: 'Passordet må ha minst 10 tegn.',
    required: 'Fyll ut dette feltet.',
    invalidEmail: 'Skriv en gyldig e-postadresse.',
    sessionExpired: 'Du er logget ut. Logg inn igjen for å fortsette.',
    loginLocked:
      'Kontoen er låst en liten stund fordi passordet ble skrevet feil for mange ganger. Vent et kvarter og prøv igjen, eller lag et nytt passord nå.',
    forgotPassword: 'Glemt passordet?',
    makeNewPassword: 'Lag nytt passord',
    passwordChanged: 'Passordet er endret. Logg inn med det nye passordet.',
    offlineExpired:
      'Innloggingen din har gått ut. For å verne opplysningene om barnet kan planene ikke åpnes uten nett før du har logget inn igjen, og det kan du gjøre når du er på nett. Det du har skrevet uten nett og ikke fått sendt, er tatt vare på. Det blir sendt når du logger inn igjen på denne enheten og åpner planen.',
  },

  passwordReset: {
    forgotTitle: 'Glemt passordet?',
    forgotIntro: 'Skriv e-postadressen du bruker i Samplan. Vi sender deg en lenke der du kan lage et nytt passord.',
    send: 'Send lenke',
    sending: 'Sender …',
    sent: (email: string) =>
      `Hvis det finnes en konto for ${email}, har vi nå sendt en e-post med en lenke. Lenken virker bare en kort stund, og bare én gang. Finner du ikke e-posten, se også i søppelposten.`,
    backToLogin: 'Tilbake til innlogging',
    newTitle: 'Lag nytt passord',
    newIntro: 'Velg et nytt passord for kontoen din. Når det er lagret, blir du logget ut på alle enheter.',
    newPassword: 'Nytt passord',
    save: 'Lagre nytt passord',
    saving: 'Lagrer …',
    missingToken: 'Lenken er ikke hel. Åpne lenken fra e-posten på nytt, eller be om en ny lenke.',
    linkInvalid: 'Lenken er allerede brukt, eller den er for gammel. Be om en ny lenke.',
    askAgain: 'Be om en ny lenke',
  },

  plans: {
    title: 'Mine planer',
    intro: 'Her er planene du er med i. Velg en plan for å åpne den.',
    empty: 'Du er ikke med i noen planer ennå.',
    emptyHint:
      'Er du invitert til en plan? Åpne lenken i e-posten fra Samplan, så kommer planen hit. Du trenger ikke lage en ny. Vil du lage en plan selv, kan du opprette en ny eller prøve med en eksempelplan.',
    createFirst: 'Lag en ny plan',
    createDemo: 'Lag en eksempelplan',
    create: 'Ny plan',
    child: (name: string) => `Plan for ${name}`,
    role: 'Din rolle',
    goalsReached: (reached: number, total: number) => `${reached} av ${total} mål nådd`,
    noGoals: 'Ingen mål ennå',
    nextRevision: 'Neste revisjon',
    nextMeeting: 'Neste møte',
    notSet: 'Ikke satt',
    none: 'Ingen planlagt',
    overdue: (count: number) => (count === 1 ? '1 ting er på overtid' : `${count} ting er på overtid`),
    nothingOverdue: 'Ingenting på overtid',
    openTasks: (count: number) => (count === 1 ? '1 åpen oppgave' : `${count} åpne oppgaver`),
    open: (title: string) => `Åpne ${title}`,
    loadFailed: 'Klarte ikke å hente planene dine.',
    retry: 'Prøv igjen',
    progressLabel: 'Andel mål som er nådd',
    waitingForConsent: 'Venter på samtykke fra familien',
    waitingForConsentHint: 'Du kan åpne planen når familien har samtykket til at den deles med deg.',
  },

  createPlan: {
    title: 'Ny individuell plan',
    offline:
      'Du er ikke på nett. En ny plan lages på serveren, så den kan først lages når du er på nett igjen. Det du har fylt ut, står her til da.',
    intro: 'Planen blir laget på serveren. Etterpå kan du og de andre i ansvarsgruppa fylle den ut sammen.',
    planTitle: 'Navn på planen',
    planTitleDefault: 'Individuell plan',
    childName: 'Barnets navn',
    childNameHint: 'Fornavn og etternavn.',
    myRole: 'Jeg er',
    roleForesatt: 'Forelder eller foresatt',
    roleKoordinator: 'Barnekoordinator eller koordinator',
    roleMissing: 'Velg om du er forelder eller koordinator for barnet.',
    demo: 'Fyll planen med eksempelinnhold',
    demoHint:
      'Lager en oppdiktet plan for «Emma Nilsen» med mål, tiltak, møter og oppgaver, så du kan se hvordan en ferdig plan ser ut.',
    submit: 'Opprett planen',
    submitting: 'Oppretter …',
    cancel: 'Avbryt',
  },

  plan: {
    back: 'Tilbake til Mine planer',
    loading: 'Henter planen …',
    cannotOpen: 'Planen kan ikke åpnes',
    childLabel: 'Barn',
    sectionsLabel: 'Deler av planen',
    toolbarLabel: 'Verktøy for planen',
    undo: 'Angre',
    redo: 'Gjør om',
    undoHint: 'Angrer din siste endring (ikke andres)',
    redoHint: 'Gjør om det du angret',
    print: 'Utskrift og PDF',
    notFound: 'Fant ikke planen. Den finnes ikke, eller du har ikke tilgang til den.',
    forbidden: 'Du har ikke tilgang til planen nå. Familien må samtykke til at planen deles med deg.',
    unauthenticated: 'Du er logget ut. Logg inn igjen for å fortsette.',
    failed: 'Forbindelsen til planen ble stengt av serveren.',
    readOnly: 'Du har lesetilgang til denne planen.',
    deleted: (what: string) => `${what} ble slettet.`,
    undoDelete: 'Angre sletting',
    dismiss: 'Lukk meldingen',
    untitled: 'Uten tittel',
    savedAutomatically: 'Alt du skriver lagres automatisk.',
  },

  connection: {
    label: 'Tilkobling',
    connecting: 'Kobler til …',
    connected: 'Tilkoblet',
    reconnecting: 'Kobler til igjen …',
    offline: 'Ikke på nett',
    failed: 'Ikke tilkoblet',
    allSaved: 'Alle endringer er lagret',
    /** For a member who only reads: nothing of theirs is saved, but they see the others' changes as they come. */
    readerLive: 'Du ser endringer med en gang de blir gjort',
    readerOffline: 'Du ser planen slik den var sist du var på nett.',
    pending: 'Endringene dine er ikke sendt ennå.',
    offlineHint: 'Du kan fortsette å skrive; endringene sendes når du er på nett igjen. Ikke lukk siden før det.',
    leaveWarning: 'Noen endringer er ikke sendt ennå. Vil du likevel forlate siden?',
  },

  presence: {
    title: 'Hvem er i planen nå',
    you: '(deg)',
    inSection: (section: string) => `i ${section}`,
    alone: 'Bare du er i planen nå.',
    othersHere: (names: string) => `Her nå: ${names}`,
  },

  sections: {
    omBarnet: 'Om barnet og familien',
    maal: 'Mål',
    tiltak: 'Tiltak',
    evaluering: 'Evaluering',
    deltakere: 'Deltakere og koordinator',
    samarbeid: 'Samarbeid',
    planinfo: 'Planperiode og revisjon',
    samtykke: 'Samtykke',
    moter: 'Møter',
    oppgaver: 'Oppgaver',
    tjenester: 'Tjenester og kontakter',
  },

  sectionIntro: {
    omBarnet: 'Hvem barnet er, familien og søsken, hva som fungerer godt, og hva barnet og familien trenger.',
    maal: 'Barnets og familiens egne mål, helst med deres egne ord. Hvert hovedmål kan deles opp i mindre delmål.',
    tiltak:
      'Hva som skal gjøres for å nå målene, hvor mye og hvor ofte (omfang), hvem som har ansvaret, og hvordan det gjøres.',
    evaluering: 'Hvordan det går. Hver evaluering blir en milepæl på målet eller tiltaket den gjelder.',
    deltakere:
      'Hvem som er med i arbeidet med planen (familien først), hva hver enkelt bidrar med og hva som forventes, og hvem som er koordinator.',
    samarbeid: 'Andre tjenester, institusjoner og etater det er nødvendig å samarbeide med.',
    planinfo: 'Hvor lenge planen gjelder, og når den skal evalueres og revideres.',
    samtykke: 'Samtykke til planen og til at opplysninger deles med deltakerne.',
    moter: 'Ansvarsgruppemøter med dato, hvem som deltar, saksliste og referat.',
    oppgaver: 'Oppgaver som er delegert i et møte eller av koordinatoren.',
    tjenester: 'Tjenester, ytelser og brukerorganisasjoner familien er informert om eller henvist til.',
  },

  overview: {
    title: 'Oversikt',
    goals: 'Mål',
    goalsTotal: (count: number) => (count === 1 ? '1 mål i alt' : `${count} mål i alt`),
    goalsReached: (reached: number, total: number) => `${reached} av ${total} nådd`,
    nextRevision: 'Neste revisjon',
    revisionPassed: 'Datoen er passert',
    overdueEvaluations: 'Måldato passert',
    overdueEvaluationsHint: 'Mål der måldatoen er passert uten at målet er nådd',
    evaluationsOverdue: 'Evaluering på overtid',
    evaluationsOverdueHint: 'Mål som skulle vært evaluert nå, etter hvor ofte planen sier at målene skal evalueres',
    overdueTasks: 'Oppgaver på overtid',
    openTasks: (count: number) => (count === 1 ? '1 åpen oppgave' : `${count} åpne oppgaver`),
    nextMeeting: 'Neste møte',
    none: 'Ingen',
    notSet: 'Ikke satt',
  },

  common: {
    add: 'Legg til',
    remove: 'Slett',
    /**
     * Asked before something written in is deleted: what goes with it (a hovedmål's delmål), what loses a link to it
     * (tiltak that work towards it keep their words), and that it can be brought back.
     */
    confirmRemove: (name: string, reach: { subgoals: number; linking: number }) =>
      [
        `Slette «${name.replace(/[\s.!?…:]+$/u, '')}»?`,
        reach.subgoals === 1 ? 'Delmålet under det blir også slettet.' : '',
        reach.subgoals > 1 ? `De ${reach.subgoals} delmålene under det blir også slettet.` : '',
        reach.linking === 1 ? 'Ett tiltak eller punkt i planen viser til det; det blir stående, uten koblingen.' : '',
        reach.linking > 1
          ? `${reach.linking} tiltak eller punkter i planen viser til det; de blir stående, uten koblingen.`
          : '',
        'Du kan angre rett etterpå, og hente det tilbake fra Historikk senere.',
      ]
        .filter(Boolean)
        .join(' '),
    confirmRemoveYes: 'Ja, slett',
    confirmRemoveNo: 'Nei, behold',
    moveUp: 'Flytt opp',
    moveDown: 'Flytt ned',
    title: 'Tittel',
    status: 'Status',
    date: 'Dato',
    from: 'Fra',
    to: 'Til',
    contact: 'Kontakt',
    contactHint: 'Telefon, e-post eller adresse',
    none: 'Ingen',
    chooseNone: 'Ikke valgt',
    empty: 'Tomt',
    emptyEditable: 'Tomt. Klikk eller trykk Enter for å skrive.',
    /** A rich-text field with content the editor cannot hold (written elsewhere): shown, never edited here. */
    notEditableHere:
      'Denne teksten har innhold som ikke kan redigeres her. Den vises slik den er lagret, og ingenting i den blir endret.',
    emptyEditableShort: 'Tomt. Skriv her.',
    itemActions: 'Handlinger',
    today: 'I dag',
    dateHint: 'dd.mm.åååå',
    dateInvalid: 'Skriv datoen som dd.mm.åååå, for eksempel 20.06.2027.',
    yes: 'Ja',
    no: 'Nei',
  },

  editor: {
    toolbar: 'Tekstformat',
    bold: 'Fet',
    italic: 'Kursiv',
    bulletList: 'Punktliste',
    orderedList: 'Nummerert liste',
  },

  about: {
    child: 'Om barnet',
    childHint: 'Hvem barnet er, alder, skole eller barnehage, diagnose hvis det er relevant.',
    family: 'Familien og søsken',
    familyHint: 'Foreldre, søsken og andre nære. Søsken kan ha egne behov som pårørende.',
    resources: 'Ressurser: hva som fungerer godt',
    needs: 'Behov',
    familyContribution: 'Hva familien bidrar med',
    familyNeeds: 'Familiens egne behov',
  },

  goals: {
    mainGoal: 'Hovedmål',
    subGoal: 'Delmål',
    mainGoalNumber: (n: number) => `Hovedmål ${n}`,
    subGoalNumber: (n: string) => `Delmål ${n}`,
    addMain: 'Nytt hovedmål',
    addSub: 'Nytt delmål',
    title: 'Målet',
    titleHint: 'Skriv målet med barnets eller familiens egne ord.',
    description: 'Beskrivelse',
    expressedBy: 'Hvem har uttrykt målet',
    expressedByHint: 'For eksempel «Emma og foreldrene».',
    targetDate: 'Måldato',
    /** A goal due for evaluation by the plan's evaluation interval. */
    evaluation: 'Evaluering',
    evaluationOverdue: 'Evaluering på overtid',
    evaluationSoon: 'Skal evalueres snart',
    evaluationOverdueSince: (date: string) => `På overtid siden ${date}`,
    evaluationBy: (date: string) => `Innen ${date}`,
    empty: 'Ingen mål ennå. Begynn med det som er viktigst for barnet og familien.',
    milestones: 'Milepæler',
    noMilestones: 'Ingen evalueringer ennå.',
    currentAchievement: 'Måloppnåelse nå',
    notEvaluated: 'Ikke evaluert',
    measuresFor: (count: number) => (count === 1 ? '1 tiltak' : `${count} tiltak`),
    removeLabel: (title: string) => `Slett målet «${title}»`,
    deletedWhat: 'Målet',
    list: 'Mål',
  },

  goalStatus: {
    ikke_startet: 'Ikke startet',
    pagar: 'Pågår',
    naadd: 'Nådd',
    delvis_naadd: 'Delvis nådd',
    ikke_naadd: 'Ikke nådd',
    avsluttet: 'Avsluttet',
  },

  measures: {
    add: 'Nytt tiltak',
    title: 'Hva skal gjøres',
    goals: 'Mål tiltaket gjelder',
    noGoalsYet: 'Legg til mål først, så kan tiltaket knyttes til dem.',
    noLinkedGoals: 'Ikke knyttet til noe mål ennå.',
    chooseGoals: 'Velg hvilke mål tiltaket gjelder',
    targetsFamily: 'Tiltaket gjelder familiens behov (ikke bare et mål)',
    scope: 'Omfang',
    scopeHint: 'Hvor mye og hvor ofte, for eksempel «2 ganger i uken, 45 min».',
    responsible: 'Ansvarlig',
    responsibleParticipant: 'Hvem i ansvarsgruppa har ansvaret',
    responsibleText: 'Tjeneste eller kontakt (valgfritt)',
    responsibleHint: 'Fyll ut hvis den som har ansvaret, ikke står blant deltakerne i planen.',
    periodStart: 'Periode fra',
    periodEnd: 'Periode til',
    periodText: 'Eller beskriv perioden',
    periodTextHint: 'Brukes når perioden ikke har faste datoer, for eksempel «skoleåret 2026/27».',
    implementation: 'Gjennomføring: hvordan tiltaket gjennomføres',
    implementationShort: 'Gjennomføring',
    filter: 'Vis tiltak for',
    filterAll: 'Alle mål',
    empty: 'Ingen tiltak ennå.',
    emptyFiltered: 'Ingen tiltak er knyttet til dette målet.',
    removeLabel: (title: string) => `Slett tiltaket «${title}»`,
    deletedWhat: 'Tiltaket',
    list: 'Tiltak',
    count: (shown: number, total: number) => `Viser ${shown} av ${total} tiltak`,
  },

  measureStatus: {
    ikke_startet: 'Ikke startet',
    pagar: 'Pågår',
    fullfort: 'Fullført',
    avbrutt: 'Avbrutt',
  },

  evaluations: {
    add: 'Ny evaluering',
    date: 'Dato',
    target: 'Gjelder',
    targetGoal: 'Mål',
    targetMeasure: 'Tiltak',
    targetMissing: 'Målet eller tiltaket er slettet',
    chooseTarget: 'Velg mål eller tiltak',
    note: 'Hvordan går det',
    achievement: 'Måloppnåelse',
    author: 'Skrevet av',
    empty: 'Ingen evalueringer ennå.',
    removeLabel: 'Slett evalueringen',
    deletedWhat: 'Evalueringen',
    list: 'Evalueringer',
    heading: (date: string) => `Evaluering ${date}`,
    headingNoDate: 'Evaluering uten dato',
  },

  achievement: {
    ikke_naadd: 'Ikke nådd',
    delvis_naadd: 'Delvis nådd',
    naadd: 'Nådd',
  },

  participants: {
    add: 'Ny deltaker',
    name: 'Navn',
    role: 'Rolle',
    title: 'Stilling eller relasjon',
    titleHint: 'For eksempel «mor», «fysioterapeut» eller «rektor».',
    organisation: 'Virksomhet eller tjeneste',
    contribution: 'Hva de bidrar med',
    expectations: 'Hva som forventes',
    coordinator: 'Koordinator for planen',
    coordinatorHint: 'Barnekoordinatoren eller koordinatoren som har ansvar for samordning og fremdrift.',
    isCoordinator: 'Koordinator',
    empty: 'Ingen deltakere ennå. Familien står først.',
    removeLabel: (name: string) => `Slett deltakeren ${name}`,
    deletedWhat: 'Deltakeren',
    list: 'Deltakere',
    unnamed: 'Uten navn',
  },

  participantRole: {
    foresatt: 'Foresatt',
    barn: 'Barnet',
    koordinator: 'Koordinator',
    deltaker: 'Deltaker',
    lesetilgang: 'Lesetilgang',
  },

  cooperation: {
    add: 'Ny samarbeidspart',
    name: 'Tjeneste, institusjon eller etat',
    purpose: 'Hva samarbeidet gjelder',
    notes: 'Notater om samarbeidet',
    empty: 'Ingen samarbeidsparter ennå.',
    removeLabel: (name: string) => `Slett samarbeidsparten ${name}`,
    deletedWhat: 'Samarbeidsparten',
    list: 'Samarbeidsparter',
  },

  period: {
    start: 'Planen gjelder fra',
    end: 'Planen gjelder til',
    nextRevision: 'Neste revisjon',
    interval: 'Hvor ofte målene evalueres',
    intervalHint:
      'Samplan regner ut når hvert mål skal evalueres neste gang, fra siste evaluering, og viser det som haster i Mine planer.',
    intervalEvery: 'Hver',
    intervalCount: 'Antall',
    intervalUnit: 'Enhet',
    intervalUnits: { uker: 'uke(r)', maaneder: 'måned(er)' } as Record<string, string>,
    intervalNone: 'Ikke satt',
    /** The interval as a reader says it: «hver 3. måned», «hver uke»; older free text as it was written. */
    intervalText: (value: string | null, parsed: { count: number; unit: string } | null) =>
      !parsed
        ? (value ?? '')
        : parsed.count === 1
          ? parsed.unit === 'uker'
            ? 'Hver uke'
            : 'Hver måned'
          : `Hver ${parsed.count}. ${parsed.unit === 'uker' ? 'uke' : 'måned'}`,
    intervalSet: 'Sett hvor ofte',
    intervalRemove: 'Fjern',
    intervalOldText: (text: string) =>
      `Skrevet tidligere: «${text}». Velg antall og enhet, så regner Samplan ut når evaluering er neste gang.`,
    lastRevision: 'Sist revidert',
    revisionPassed: (date: string) =>
      `Revisjonen ${date} er passert. Gå gjennom planen sammen, og trykk «Revisjonen er gjennomført i dag» når den er revidert. Sett så datoen for neste revisjon.`,
    revisionDone: 'Revisjonen er gjennomført i dag',
    revisionDoneHint:
      'Trykk når planen er gått gjennom og revidert. Planen slik den er nå, får navnet «Revisjon» med dagens dato i historikken.',
    summary: (from: string, to: string) => `Planperiode ${from}–${to}`,
  },

  consent: {
    serverTitle: 'Registrert samtykke',
    serverIntro: 'Samtykkene familien har gitt, slik de er registrert. Foresatte registrerer og trekker samtykke.',
    serverNone: 'Ingen samtykker er registrert ennå.',
    loadFailed: 'Klarte ikke å hente samtykkene.',
    kindPlan: 'Samtykke til planen',
    kindSharing: (name: string) => `Samtykke til å dele planen med ${name}`,
    kindSharingUnknown: 'Samtykke til å dele planen',
    givenBy: 'Gitt av',
    givenAt: 'Dato',
    recordedBy: 'Registrert av',
    active: 'Gjelder',
    withdrawn: (date: string) => `Trukket ${date}`,
    notes: 'Notater om samtykket',
  },

  meetings: {
    add: 'Nytt møte',
    title: 'Møtets navn',
    titleDefault: 'Ansvarsgruppemøte',
    date: 'Dato',
    status: 'Status',
    participants: 'Til stede',
    noParticipants: 'Legg til deltakere i planen først.',
    agenda: 'Saksliste',
    minutes: 'Referat',
    empty: 'Ingen møter ennå.',
    removeLabel: (title: string) => `Slett møtet «${title}»`,
    deletedWhat: 'Møtet',
    list: 'Møter',
    upcoming: 'Kommende møter',
    past: 'Tidligere møter',
  },

  meetingStatus: {
    planlagt: 'Planlagt',
    gjennomfort: 'Holdt',
    avlyst: 'Avlyst',
  },

  tasks: {
    add: 'Ny oppgave',
    title: 'Oppgave',
    responsible: 'Ansvarlig',
    dueDate: 'Frist',
    done: 'Utført',
    meeting: 'Fra møte',
    overdue: 'På overtid',
    empty: 'Ingen oppgaver ennå.',
    removeLabel: (title: string) => `Slett oppgaven «${title}»`,
    deletedWhat: 'Oppgaven',
    list: 'Oppgaver',
    open: 'Åpne oppgaver',
    doneList: 'Utførte oppgaver',
  },

  services: {
    add: 'Ny tjeneste eller kontakt',
    name: 'Navn',
    kind: 'Type',
    status: 'Status',
    date: 'Dato',
    note: 'Merknad',
    empty: 'Ingen tjenester eller kontakter ennå.',
    removeLabel: (name: string) => `Slett ${name}`,
    deletedWhat: 'Tjenesten',
    list: 'Tjenester og kontakter',
  },

  serviceKind: {
    brukerorganisasjon: 'Brukerorganisasjon',
    ytelse: 'Ytelse',
    tjeneste: 'Tjeneste',
    kompetansesenter: 'Kompetansesenter',
    annet: 'Annet',
  },

  serviceStatus: {
    informert: 'Informert',
    henvist: 'Henvist',
    soknad_sendt: 'Søknad sendt',
    innvilget: 'Innvilget',
    avslatt: 'Avslått',
    ikke_aktuelt: 'Ikke aktuelt',
  },

  print: {
    title: 'Utskrift',
    print: 'Skriv ut eller lagre som PDF',
    back: 'Tilbake til planen',
    heading: (child: string) => `Individuell plan for ${child}`,
    printedAt: (date: string) => `Skrevet ut ${date}`,
    hint: 'Velg «Lagre som PDF» i utskriftsvinduet for å få en PDF til møtet.',
    linkedGoals: 'Gjelder mål',
    none: 'Ingen',
    coordinator: 'Koordinator',
    period: 'Planperiode',
    /** The marking of a document under the duty of confidentiality (offentleglova § 13, forvaltningsloven § 13). */
    marking: 'Unntatt offentlighet, jf. offl. § 13 og fvl. § 13',
    pageHeader: (child: string) => `Individuell plan for ${child}`,
    page: 'Side',
    of: 'av',
    notFilled: 'Ikke fylt ut ennå.',
  },

  roles: {
    foresatt: 'Foresatt',
    barn: 'Barnet',
    koordinator: 'Koordinator',
    deltaker: 'Deltaker',
    lesetilgang: 'Lesetilgang',
  } as Record<string, string>,
} as const;

export type Texts = typeof nb;
