// The web app's folders, top to bottom (eslint/folderLayers.js checks them).
export const WEB_LAYERS = {
  layers: [
    // The entry, and the app frame that routes to pages.
    ['<root>'],
    ['app'],
    // A meeting run from the plan (møtemodus) and its printable record: built on the plan's page shell and print.
    ['meetings'],
    // Pages. `plan` is the open plan's page shell: header, section menu, presence, notices.
    ['pages', 'invite', 'plan'],
    ['history', 'auth'],
    ['print'],
    // The plan's parts, each built from the one section and card pattern in items/.
    ['sections'],
    ['sharing'],
    // The section and card pattern: a section's item list, an item's card (reading and editing), its actions.
    ['items'],
    // Inputs bound to the live plan, and the rich-text editor.
    ['fields', 'editor'],
    // The live plan document: its context, who may write which part, typed hooks over its Yjs types, actions.
    ['planDoc'],
    ['session'],
    ['collab', 'api'],
    // What this browser keeps for opening plans offline (IndexedDB, per account), and the service worker's policy.
    ['offline'],
    ['components'],
    ['routing', 'hooks'],
    ['i18n', 'styles'],
  ],
};
