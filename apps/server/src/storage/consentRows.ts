import type { ConsentKind } from '@samplan/api';
import type { ConsentRecord } from './ConsentStore.ts';
import { intOrNull, type Int } from './rowValues.ts';

// Consents' rows, mapped alike for both stores.

export interface ConsentRow {
  id: string;
  plan_id: string;
  kind: ConsentKind;
  subject_user_id: string | null;
  subject_invite_id: string | null;
  given_by: string;
  given_at: Int;
  note: string;
  recorded_by: string;
  recorded_at: Int;
  withdrawn_at: Int | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
  given_by_user_id: string | null;
  given_login_method: string | null;
  given_login_level: string | null;
}

export const toConsent = (row: ConsentRow): ConsentRecord => ({
  id: row.id,
  planId: row.plan_id,
  kind: row.kind,
  subjectUserId: row.subject_user_id,
  subjectInviteId: row.subject_invite_id,
  givenBy: row.given_by,
  givenAt: Number(row.given_at),
  note: row.note,
  recordedBy: row.recorded_by,
  recordedAt: Number(row.recorded_at),
  withdrawnAt: intOrNull(row.withdrawn_at),
  withdrawnBy: row.withdrawn_by,
  withdrawalNote: row.withdrawal_note,
  givenByAccount: row.given_by_user_id
    ? {
        userId: row.given_by_user_id,
        login: row.given_login_method ? { method: row.given_login_method, level: row.given_login_level } : null,
      }
    : null,
});
