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

export interface PlanSummary {
  id: string;
  title: string;
  childName: string;
  createdAt: string;
  role: PlanRole;
  progress: PlanProgress;
}

export interface PlanInfo {
  id: string;
  title: string;
  childName: string;
  createdAt: string;
  role: PlanRole;
}

export interface NewPlanInput {
  title: string;
  childName: string;
  creatorRole: 'foresatt' | 'koordinator';
  demo?: boolean;
}
