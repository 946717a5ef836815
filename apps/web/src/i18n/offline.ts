// Texts for using Samplan without a network: plans kept on this device, typing offline, installing the app.
// Norwegian bokmål, like nb.ts.

export const nbOffline = {
  /** Under "Ikke på nett" once what was typed is kept in this browser. */
  keptOnDevice: 'Det du skriver, lagres på denne enheten og sendes når du er på nett igjen.',
  /** Under "Ikke på nett" once something has been typed offline and is kept in this browser. */
  pendingKeptOffline:
    'Endringene dine er ikke sendt ennå. De er lagret på denne enheten og sendes når du er på nett igjen.',
  /** Changes kept here but not sent yet, while the app tries to reach the server. */
  pendingKept: 'Endringene dine er lagret på denne enheten, men ikke sendt ennå.',
  /** A plan never opened on this device, opened offline. */
  /** Mine planer without an answer from the server, above the plans kept on this device. */
  plansKept:
    'Du er ikke på nett, eller Samplan svarer ikke akkurat nå. Disse planene er lagret på denne enheten. Du kan åpne dem og skrive i dem, og det du skriver, sendes når du er på nett igjen:',
  /** Mine planer without an answer, and no plan kept on this device. */
  noPlansKept:
    'Du er ikke på nett, eller Samplan svarer ikke akkurat nå. Ingen planer er lagret på denne enheten ennå: en plan du har åpnet på nett, kan du senere åpne her uten nett.',
  /** The session ended (expired, or ended on another device) while changes typed here were not sent yet. */
  loggedOutKept: 'Du er logget ut. Logg inn igjen og åpne planen, så sendes endringene dine.',
  /** Mine planer, above the list: plans with words typed on this device that are not sent yet. */
  unsentPlans: (plans: number) =>
    plans === 1
      ? 'Noe du har skrevet på denne enheten, er ikke sendt ennå. Det sendes når du åpner planen mens du er på nett:'
      : `Noe du har skrevet på denne enheten, er ikke sendt ennå. Det sendes når du åpner planene mens du er på nett (${plans} planer):`,
  notOnDevice:
    'Du er ikke på nett, og denne planen er ikke lagret på denne enheten. Åpne planen når du er på nett, så kan du åpne den uten nett senere.',
} as const;
