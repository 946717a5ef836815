import { describe, expect, it } from 'vitest';
import { canWritePart } from '@samplan/api/partRights';
import type { PlanRole } from '@samplan/api';
import { PLAN_PARTS, type PlanPart } from '@samplan/plan-model';
import { nb, nbAccess } from '../src/i18n/index.ts';

/** The plan's parts as the side menu names them (bidrag is written in «Om barnet og familien»). */
const menuName: Partial<Record<PlanPart, string>> = {
  omBarnet: nb.sections.omBarnet,
  maal: nb.sections.maal,
  tiltak: nb.sections.tiltak,
  evaluering: nb.sections.evaluering,
  samarbeid: nb.sections.samarbeid,
  moter: nb.sections.moter,
  oppgaver: nb.sections.oppgaver,
  tjenester: nb.sections.tjenester,
  deltakere: nb.sections.deltakere,
  planinfo: nb.sections.planinfo,
  samtykke: nb.sections.samtykke,
};
const ROLES: PlanRole[] = ['foresatt', 'barn', 'koordinator', 'deltaker', 'lesetilgang'];
const named = Object.keys(menuName) as PlanPart[];
const writes = (role: PlanRole): string[] =>
  named.filter((part) => canWritePart(role, part)).map((part) => `«${menuName[part]}»`);
const writesAll = (role: PlanRole): boolean => PLAN_PARTS.every((part) => part === 'annet' || canWritePart(role, part));

/** The sections a help text says the role writes in: those quoted in its «… skrive i …» sentence. */
const saysWrites = (help: string): string[] =>
  [...(/skrive i ([^.]*)\./.exec(help)?.[1] ?? '').matchAll(/«[^»]+»/g)].map((match) => match[0]);

describe('what the invite form and the invitation page say each role may do', () => {
  it.each(ROLES)('%s: the parts it writes, as PERMISSIONS.md has them', (role) => {
    for (const help of [nbAccess.inviteForm.roleHelp[role]!, nbAccess.invitation.roleForYou[role]!]) {
      if (writesAll(role)) expect(help).toMatch(/lese og skrive i hele planen/);
      else if (writes(role).length === 0) expect(help).toMatch(/lese hele planen, men ikke skrive i den/);
      else expect(saysWrites(help)).toEqual(writes(role));
    }
  });

  it('says a deltaker cannot change the goals, and that everyone outside the family needs its consent', () => {
    expect(nbAccess.inviteForm.roleHelp.deltaker).toContain('Kan ikke endre barnets mål');
    for (const role of ['koordinator', 'deltaker', 'lesetilgang'])
      expect(nbAccess.inviteForm.roleHelp[role]).toContain('Trenger familiens samtykke');
  });
});
