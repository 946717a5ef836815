// One ESLint rule for "folders import only downwards": a module may import from its own folder and from folders
// further down its app's list of layers; folders on one line are peers and never import each other. Each app names
// its layers (eslint/serverLayers.js, eslint/webLayers.js).
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// `srcDir` is relative to the repository root (this folder's parent), wherever ESLint is run from.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The layer check of one app. `adapters` are folders (like `storage/sqlite`) that implement a port folder and that
 * only the `composition` folders may import.
 */
export function folderLayers({ layers, adapters = [], composition = [] }) {
  const adapterSet = new Set(adapters);
  const compositionSet = new Set(composition);
  const rankOf = new Map(layers.flatMap((folders, rank) => folders.map((folder) => [folder, rank])));
  const portOf = (adapter) => adapter.split('/')[0];

  /** The folder a file of src belongs to: its first directory, an adapter's `port/<adapter>`, or `<root>`. */
  const folderOf = (pathInSrc) => {
    const parts = pathInSrc.split(sep).join('/').split('/');
    if (parts.length === 1) return '<root>';
    const adapter = `${parts[0]}/${parts[1]}`;
    if (parts.length > 2 && adapterSet.has(adapter)) return adapter;
    return parts[0];
  };

  /** Why `from` may not import `to` (both folders), or null when it may. */
  const violation = (from, to) => {
    if (from === to) return null;
    if (adapterSet.has(to))
      return compositionSet.has(from) ? null : `${to} is an adapter; only the composition root wires it in`;
    if (adapterSet.has(from) && to === portOf(from)) return null;
    const fromRank = rankOf.get(adapterSet.has(from) ? portOf(from) : from);
    const toRank = rankOf.get(to);
    if (fromRank === undefined) return `${from}/ has no place in the layers`;
    if (toRank === undefined) return `${to}/ has no place in the layers`;
    if (toRank > fromRank) return null;
    return toRank === fromRank ? `${from}/ and ${to}/ are peers` : `${to}/ is above ${from}/`;
  };
  return { folderOf, violation };
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "folders import only downwards, in the order of their app's layers" },
    messages: { upward: '{{from}} must not import {{to}}: {{why}}.' },
    schema: [
      {
        type: 'object',
        properties: {
          srcDir: { type: 'string' },
          layers: { type: 'array' },
          adapters: { type: 'array' },
          composition: { type: 'array' },
        },
        required: ['srcDir', 'layers'],
      },
    ],
  },
  create(context) {
    const { srcDir: src, ...options } = context.options[0];
    const srcDir = resolve(repoRoot, src);
    const { folderOf, violation } = folderLayers(options);
    const filename = context.filename;
    const fromPath = relative(srcDir, filename);
    if (fromPath.startsWith('..')) return {};
    const from = folderOf(fromPath);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const toPath = relative(srcDir, resolve(dirname(filename), source));
      if (toPath.startsWith('..')) return;
      const why = violation(from, folderOf(toPath));
      if (why) context.report({ node, messageId: 'upward', data: { from: `${src}/${fromPath}`, to: toPath, why } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const folderLayersPlugin = { rules: { 'folder-layers': rule } };
