// Texts for using Samplan without a network: plans kept on this device, typing offline, installing the app.
// Norwegian bokmål, like nb.ts.

export const nbOffline = {
  /** Under "Frakoblet" once what was typed is kept in this browser. */
  keptOnDevice: 'Det du skriver, lagres på denne enheten og sendes når du er på nett igjen.',
  /** Under "Frakoblet" once something has been typed offline and is kept in this browser. */
  pendingKeptOffline:
    'Endringene dine er ikke sendt ennå. De er lagret på denne enheten og sendes når du er på nett igjen.',
  /** Changes kept here but not sent yet, while the app tries to reach the server. */
  pendingKept: 'Endringene dine er lagret på denne enheten, men ikke sendt ennå.',
  /** A plan never opened on this device, opened offline. */
  notOnDevice:
    'Du er ikke på nett, og denne planen er ikke lagret på denne enheten. Åpne planen når du er på nett, så kan du åpne den uten nett senere.',
} as const;
