// The server's folders, top to bottom (eslint/folderLayers.js checks them). The storage adapters implement the
// storage ports and are imported only by the composition root (buildApp.ts, main.ts, index.ts, scripts/).
export const SERVER_LAYERS = {
  layers: [
    ['<root>', 'scripts'],
    ['http', 'collab'],
    ['notifications'],
    ['access'],
    ['auth'],
    ['mail'],
    ['documents'],
    ['audit'],
    ['storage'],
    ['errors', 'config', 'signing'],
  ],
  adapters: ['storage/sqlite', 'storage/postgres'],
  composition: ['<root>', 'scripts'],
};
