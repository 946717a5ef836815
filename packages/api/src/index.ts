// The REST API's shapes (DESIGN.md §4), written once: the server's routes return the answer types and check
// request bodies with the schemas; the web app reads the answers and sends the bodies' input types.
export * from './accessLog.ts';
export * from './consents.ts';
export * from './deletionsAsked.ts';
export * from './history.ts';
export * from './linkPaths.ts';
export * from './safeReturnPath.ts';
export * from './sessionLifetime.ts';
export * from './members.ts';
export * from './notifications.ts';
export * from './partRights.ts';
export * from './plans.ts';
export * from './roles.ts';
export * from './users.ts';
