import type { ProgressSummary } from '@samplan/plan-model';
import { z } from 'zod';
import type { FamilyConsent } from './consents.ts';
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
  /** The roles I may invite others with (only the family makes family members; none above my own). */
  grantableRoles: PlanRole[];
  family: boolean;
  membershipEndsAt: string | null;
  /** The family's answer on the plan: `venter` until a foresatt has given consent (the consent step). */
  familyConsent: FamilyConsent;
}

/** `POST /api/plans` answers with the new plan and the creator's role. */
export type CreatedPlan = PublicPlan & { role: PlanRole };

/** `POST /api/plans`: a new plan, optionally filled with the demo content; the creator is family or koordinator. */
export const NewPlanBody = z.object({
  title: z.string().trim().min(1).max(200),
  childName: z.string().trim().min(1).max(200),
  creatorRole: z.enum(['foresatt', 'koordinator']).default('koordinator'),
  demo: z.boolean().optional(),
});
export type NewPlanInput = z.input<typeof NewPlanBody>;
