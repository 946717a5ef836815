import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { testProjects } from './vitest.workspace.ts';

export default defineConfig({
  root: 'apps/web',
  plugins: [react()],
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
