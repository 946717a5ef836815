/** `npm run build:server`: writes dist/server/main.js, which `npm start` runs. */
import { bundleServer } from './bundleServer.ts';

await bundleServer();
