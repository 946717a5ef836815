// The server's folders, top to bottom. A module may import from its own folder and from folders further down;
// folders on one line are peers and never import each other. The storage adapters implement the storage ports and
// are imported only by the composition root (buildApp.ts, main.ts, index.ts, scripts/).
import { dirname, relative, resolve, sep } from 'node:path';

export const SERVER_LAYERS = [
  ['<root>', 'scripts'],
  ['http', 'collab'],
  ['notifications'],
  ['access'],
  ['auth'],
  ['mail'],
  ['documents'],
  ['audit'],
  ['storage'],
  ['errors', 'config'],
];
const ADAPTERS = new Set(['storage/sqlite', 'storage/postgres']);
const COMPOSITION = new Set(['<root>', 'scripts']);

const rankOf = new Map(SERVER_LAYERS.flatMap((folders, rank) => folders.map((folder) => [folder, rank])));

/** The folder a file of apps/server/src belongs to: its first directory, `storage/<adapter>`, or `<root>`. */
export function serverFolderOf(pathInSrc) {
  const parts = pathInSrc.split(sep).join('/').split('/');
  if (parts.length === 1) return '<root>';
  if (parts[0] === 'storage' && parts.length > 2 && ADAPTERS.has(`storage/${parts[1]}`)) return `storage/${parts[1]}`;
  return parts[0];
}

/** Why `from` may not import `to` (both folders), or null when it may. */
export function layerViolation(from, to) {
  if (from === to) return null;
  if (ADAPTERS.has(to)) return COMPOSITION.has(from) ? null : `${to} is a storage adapter; only buildApp wires it in`;
  const fromRank = ADAPTERS.has(from) ? rankOf.get('storage') : rankOf.get(from);
  const toRank = rankOf.get(to);
  if (fromRank === undefined) return `${from}/ has no place in SERVER_LAYERS (eslint/serverLayers.js)`;
  if (toRank === undefined) return `${to}/ has no place in SERVER_LAYERS (eslint/serverLayers.js)`;
  if (ADAPTERS.has(from) && to === 'storage') return null;
  if (toRank > fromRank) return null;
  return toRank === fromRank ? `${from}/ and ${to}/ are peers` : `${to}/ is above ${from}/`;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "server folders import only downwards (eslint/serverLayers.js's SERVER_LAYERS)" },
    messages: { upward: 'apps/server/src/{{from}} must not import {{to}}: {{why}}.' },
    schema: [{ type: 'object', properties: { srcDir: { type: 'string' } }, required: ['srcDir'] }],
  },
  create(context) {
    const srcDir = resolve(context.options[0].srcDir);
    const filename = context.filename;
    const fromPath = relative(srcDir, filename);
    if (fromPath.startsWith('..')) return {};
    const from = serverFolderOf(fromPath);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const toPath = relative(srcDir, resolve(dirname(filename), source));
      if (toPath.startsWith('..')) return;
      const to = serverFolderOf(toPath);
      const why = layerViolation(from, to);
      if (why) context.report({ node, messageId: 'upward', data: { from: fromPath, to: toPath, why } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const serverLayersPlugin = { rules: { 'server-layers': rule } };
