import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const src = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** The messages of the folder-layers rule for `code` as if it were the file at `path` under src/. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: src(path) });
  return result!.messages.filter((m) => m.ruleId === 'samplan/folder-layers').map((m) => m.message);
}

describe('the server imports only downwards (npm run lint)', () => {
  it('refuses an import from a folder above, a peer, or a storage adapter outside buildApp', async () => {
    expect(await layerErrors('storage/Fake.ts', "export { Room } from '../collab/Room.ts';\n")).toEqual([
      'apps/server/src/storage/Fake.ts must not import collab/Room.ts: collab/ is above storage/.',
    ]);
    expect(
      await layerErrors('documents/Fake.ts', "export { AccessEvents } from '../access/AccessEvents.ts';\n"),
    ).toHaveLength(1);
    expect(await layerErrors('collab/Fake.ts', "export { installCsrfProtection } from '../http/csrf.ts';\n")).toEqual([
      'apps/server/src/collab/Fake.ts must not import http/csrf.ts: collab/ and http/ are peers.',
    ]);
    expect(
      await layerErrors('http/Fake.ts', "export { openSqlite } from '../storage/sqlite/openSqlite.ts';\n"),
    ).toHaveLength(1);
  });

  it('lets a folder import downwards, and the composition root wire in the adapters', async () => {
    expect(await layerErrors('collab/Fake.ts', "export { DocumentLog } from '../documents/DocumentLog.ts';\n")).toEqual(
      [],
    );
    expect(await layerErrors('Fake.ts', "export { openSqlite } from './storage/sqlite/openSqlite.ts';\n")).toEqual([]);
    expect(await layerErrors('storage/sqlite/Fake.ts', "export type { PlanStore } from '../PlanStore.ts';\n")).toEqual(
      [],
    );
  });
});
