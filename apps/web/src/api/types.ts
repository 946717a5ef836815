// The shapes the server's REST API answers with (apps/server/src/http).

export interface User {
  id: string;
  email: string;
  name: string;
}

export type PlanRole = 'foresatt' | 'barn' | 'koordinator' | 'deltaker' | 'lesetilgang';

export interface PlanProgress {
  goalsTotal: number;
  goalsByStatus: Record<string, number>;
  goalsReached: number;
  nextRevision: string | null;
  overdueEvaluations: number;
  openTasks: number;
  overdueTasks: number;
  nextMeeting: { id: string; date: string; title: string } | null;
}

/** One of my plans. Until the family has consented to share it with me, only its title is shown. */
export type PlanSummary =
  | {
      id: string;
      title: string;
      childName: string;
      createdAt: string;
      role: PlanRole;
      access: 'apen';
      progress: PlanProgress;
    }
  | {
      id: string;
      title: string;
      childName: null;
      createdAt: string;
      role: PlanRole;
      access: 'venter-samtykke';
      progress: null;
    };

export interface PlanInfo {
  id: string;
  title: string;
  childName: string;
  createdAt: string;
  role: PlanRole;
  /** What my role may do (e.g. 'read', 'edit:goals', 'consent'); absent from older servers. */
  permissions?: string[];
  family?: boolean;
  membershipEndsAt?: string | null;
}

export interface ConsentInfo {
  id: string;
  kind: 'plan' | 'sharing';
  subject: { userId: string; name: string } | { inviteId: string; email: string } | null;
  givenBy: string;
  givenAt: string | null;
  note: string;
  recordedBy: { userId: string; name: string } | null;
  recordedAt: string | null;
  active: boolean;
  withdrawnAt: string | null;
  withdrawnBy: { userId: string; name: string } | null;
  withdrawalNote: string | null;
}

export interface NewPlanInput {
  title: string;
  childName: string;
  creatorRole: 'foresatt' | 'koordinator';
  demo?: boolean;
}
