import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIONS, can, ROLES } from '../src/access/roles.ts';

/** The matrix table of PERMISSIONS.md as action -> role -> allowed. */
function documentedMatrix(): Map<string, Map<string, boolean>> {
  const text = readFileSync(new URL('../PERMISSIONS.md', import.meta.url), 'utf8');
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| action |'));
  const roles = lines[header]!.split('|')
    .map((c) => c.trim())
    .slice(2, 2 + ROLES.length);
  expect(roles).toEqual([...ROLES]);
  const matrix = new Map<string, Map<string, boolean>>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    const action = cells[1]!.replaceAll('`', '');
    matrix.set(action, new Map(roles.map((role, i) => [role, cells[2 + i] === '✓'])));
  }
  return matrix;
}

describe('PERMISSIONS.md', () => {
  it('shows the same matrix as the code, action for action and role for role', () => {
    const documented = documentedMatrix();
    expect([...documented.keys()]).toEqual([...ACTIONS]);
    for (const action of ACTIONS) {
      for (const role of ROLES) expect(documented.get(action)!.get(role), `${action} ${role}`).toBe(can(role, action));
    }
  });
});
