import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const webDir = fileURLToPath(new URL('../', import.meta.url));
const src = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** The messages of the folder-layers rule for `code` as if it were the file at `path` under src/. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  // Run from the web app's folder on purpose: the rule finds src/ from the repository, not from where ESLint runs.
  const eslint = new ESLint({ cwd: webDir });
  const [result] = await eslint.lintText(code, { filePath: src(path) });
  return result!.messages.filter((m) => m.ruleId === 'samplan/folder-layers').map((m) => m.message);
}

describe('the web app imports only downwards (npm run lint)', () => {
  it('refuses an import from a folder above, or from a peer', async () => {
    expect(await layerErrors('fields/Fake.tsx', "export { GoalCard } from '../sections/GoalCard.tsx';\n")).toEqual([
      'apps/web/src/fields/Fake.tsx must not import sections/GoalCard.tsx: sections/ is above fields/.',
    ]);
    expect(await layerErrors('planDoc/Fake.ts', "export { PlanView } from '../plan/PlanView.tsx';\n")).toHaveLength(1);
    expect(
      await layerErrors('items/Fake.tsx', "export { SectionMenu } from '../plan/SectionMenu.tsx';\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('fields/Fake.tsx', "export { RichTextField } from '../editor/RichTextField.tsx';\n"),
    ).toEqual([
      'apps/web/src/fields/Fake.tsx must not import editor/RichTextField.tsx: fields/ and editor/ are peers.',
    ]);
  });

  it('lets a folder import downwards', async () => {
    expect(await layerErrors('sections/Fake.tsx', "export { ItemCard } from '../items/ItemCard.tsx';\n")).toEqual([]);
    expect(await layerErrors('plan/Fake.tsx', "export { useField } from '../planDoc/planHooks.ts';\n")).toEqual([]);
    expect(await layerErrors('main.tsx', "export { App } from './app/App.tsx';\n")).toEqual([]);
  });
});
