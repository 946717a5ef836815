// Closed value sets stored in the plan. Display names live in the web app's i18n, not here.

export const GOAL_STATUSES = ['ikke_startet', 'pagar', 'naadd', 'delvis_naadd', 'ikke_naadd', 'avsluttet'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const MEASURE_STATUSES = ['ikke_startet', 'pagar', 'fullfort', 'avbrutt'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const ACHIEVEMENTS = ['ikke_naadd', 'delvis_naadd', 'naadd'] as const;
export type Achievement = (typeof ACHIEVEMENTS)[number];

export const EVALUATION_TARGET_TYPES = ['goal', 'measure'] as const;
export type EvaluationTargetType = (typeof EVALUATION_TARGET_TYPES)[number];

export const PARTICIPANT_ROLES = ['foresatt', 'barn', 'koordinator', 'deltaker', 'lesetilgang'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const MEETING_STATUSES = ['planlagt', 'gjennomfort', 'avlyst'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const SERVICE_KINDS = ['brukerorganisasjon', 'ytelse', 'tjeneste', 'kompetansesenter', 'annet'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_STATUSES = [
  'informert',
  'henvist',
  'soknad_sendt',
  'innvilget',
  'avslatt',
  'ikke_aktuelt',
] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
