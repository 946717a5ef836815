/**
 * Pages of the web app that links from the server open (in mails, and the invitation link): the server writes
 * `<origin><path>#<token>`, the web app routes the path. The token stays in the fragment, never sent to a server.
 */
export const LINK_PATHS = {
  invitation: '/invitasjon',
  resetPassword: '/nytt-passord',
  /** `/planer/<id>/…`: a plan's pages. */
  plans: '/planer',
} as const;
