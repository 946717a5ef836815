import type { PlanPart } from '@samplan/plan-model';
import type { PlanRole } from './roles.ts';

/**
 * Who writes which part of the plan document: the one roles × parts matrix, enforced by the server on every
 * websocket update and used by the web app to offer a field for editing or not (apps/server/PERMISSIONS.md
 * gives the reasons). The family's own parts are written by the family and the koordinator; the ansvarsgruppe
 * (`deltaker`) writes what it does for the child; `barn` writes about themselves, their goals and how it goes, and
 * does not manage participants; `lesetilgang` writes nothing; `annet` (top-level types the plan does not know)
 * is written by nobody.
 */
export const PART_WRITERS: Readonly<Record<PlanPart, readonly PlanRole[]>> = {
  planinfo: ['foresatt', 'koordinator'],
  omBarnet: ['foresatt', 'barn', 'koordinator'],
  maal: ['foresatt', 'barn', 'koordinator'],
  deltakere: ['foresatt', 'koordinator'],
  bidrag: ['foresatt', 'barn', 'koordinator'],
  tiltak: ['foresatt', 'koordinator', 'deltaker'],
  evaluering: ['foresatt', 'barn', 'koordinator', 'deltaker'],
  samtykke: ['foresatt', 'koordinator'],
  samarbeid: ['foresatt', 'koordinator', 'deltaker'],
  moter: ['foresatt', 'koordinator', 'deltaker'],
  oppgaver: ['foresatt', 'koordinator', 'deltaker'],
  tjenester: ['foresatt', 'koordinator', 'deltaker'],
  annet: [],
};

export const canWritePart = (role: PlanRole, part: PlanPart): boolean => PART_WRITERS[part].includes(role);
