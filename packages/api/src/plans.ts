import type { ProgressSummary } from '@samplan/plan-model';
import type { PlanRole } from './roles.ts';

/** A plan's metadata, as every plan answer carries it. */
export interface PublicPlan {
  id: string;
  title: string;
  childName: string;
  createdAt: string;
}

/** One of my plans (`GET /api/plans`). Until the family has consented to share it with me, only its title shows. */
export type PlanSummary =
  | (PublicPlan & { role: PlanRole; access: 'apen'; progress: ProgressSummary })
  | (Omit<PublicPlan, 'childName'> & {
      childName: null;
      role: PlanRole;
      access: 'venter-samtykke';
      progress: null;
    });

/** `GET /api/plans/:id`: the plan, my role and what my role may do (e.g. 'read', 'edit:goals', 'consent'). */
export interface PlanInfo extends PublicPlan {
  role: PlanRole;
  permissions: string[];
  family: boolean;
  membershipEndsAt: string | null;
}

/** `POST /api/plans` answers with the new plan and the creator's role. */
export type CreatedPlan = PublicPlan & { role: PlanRole };

/** `POST /api/plans`. */
export interface NewPlanInput {
  title: string;
  childName: string;
  creatorRole: 'foresatt' | 'koordinator';
  demo?: boolean;
}
