import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { offlineShell } from './apps/web/build/offlineShell.ts';
import { precompress } from './apps/web/build/precompress.ts';
import { preloadEntryImports } from './apps/web/build/preloadEntryImports.ts';
import { testProjects } from './vitest.workspace.ts';

export default defineConfig({
  root: 'apps/web',
  // The entry imports the app lazily (see src/main.tsx); the app's chunks still download with index.html.
  plugins: [react(), preloadEntryImports(['/src/app/renderApp.tsx']), offlineShell(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/collab': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    projects: testProjects,
  },
});
