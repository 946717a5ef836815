// The REST API's shapes (DESIGN.md §4), written once: the server's routes return them, the web app reads them.
export * from './accessLog.ts';
export * from './consents.ts';
export * from './members.ts';
export * from './plans.ts';
export * from './roles.ts';
export * from './users.ts';
