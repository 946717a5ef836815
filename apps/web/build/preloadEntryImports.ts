import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

/**
 * The entry script (src/main.tsx) is tiny and imports the app with a dynamic `import()`, so that it can send its
 * early requests first. Without a hint the browser would only discover the app's chunks once the entry has run;
 * this adds `<link rel="modulepreload">` for the chunks of the given modules (and what they import) to index.html,
 * and their CSS as stylesheets, so they download in parallel with the entry.
 */
export function preloadEntryImports(moduleSuffixes: readonly string[]): Plugin {
  return {
    name: 'samplan:preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx): HtmlTagDescriptor[] {
        const bundle: Rollup.OutputBundle | undefined = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return [];
        const chunks = Object.values(bundle).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
        const roots = chunks.filter((chunk) => moduleSuffixes.some((suffix) => chunk.facadeModuleId?.endsWith(suffix)));
        if (roots.length !== moduleSuffixes.length) {
          throw new Error(`preloadEntryImports: no chunk for one of ${moduleSuffixes.join(', ')}`);
        }
        // Already in index.html: the entry and its static imports.
        const present = new Set([entry.fileName, ...entry.imports]);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string): void => {
          if (present.has(fileName) || scripts.has(fileName)) return;
          scripts.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk') return;
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        roots.forEach((chunk) => visit(chunk.fileName));
        const link = (rel: string, fileName: string): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `/${fileName}` },
          injectTo: 'head',
        });
        return [
          ...[...styles].map((fileName) => link('stylesheet', fileName)),
          ...[...scripts].map((fileName) => link('modulepreload', fileName)),
        ];
      },
    },
  };
}
