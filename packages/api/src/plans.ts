import type { AttentionItem, ProgressSummary } from '@samplan/plan-model';
import type { NamedUser } from './consents.ts';
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

/**
 * One of my plans (`GET /api/plans`, most pressing first). Until the family has consented to share it with me, only
 * its title shows. `attention` names what needs someone (an overdue evaluation, a passed revision, consent waited
 * for, an overdue task), most pressing first; `urgency` orders the list (0: nothing needs attention).
 */
export type PlanSummary =
  | (PublicPlan & {
      role: PlanRole;
      access: 'apen';
      progress: ProgressSummary;
      attention: AttentionItem[];
      urgency: number;
      /** The last change to the plan's content: when, and who made it. */
      lastChange: { at: string; by: NamedUser | null } | null;
    })
  | (Omit<PublicPlan, 'childName'> & {
      childName: null;
      role: PlanRole;
      access: 'venter-samtykke';
      progress: null;
      /** The family's answer on the plan: `gitt` means they answered, but not shared it with me. */
      familyConsent: FamilyConsent;
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
