import type { PlanRichTextField } from './documentLayout.ts';
import type { PlanJSON } from './PlanJSONSchema.ts';
import type { RichTextDoc } from './richTextSchema.ts';

const fields: Record<PlanRichTextField, (plan: PlanJSON) => RichTextDoc> = {
  'about.child': (plan) => plan.about.child,
  'about.family': (plan) => plan.about.family,
  'about.resources': (plan) => plan.about.resources,
  'about.needs': (plan) => plan.about.needs,
  'about.familyContribution': (plan) => plan.about.familyContribution,
  'about.familyNeeds': (plan) => plan.about.familyNeeds,
  'cooperation.notes': (plan) => plan.notes.cooperation,
  'consent.notes': (plan) => plan.notes.consent,
};

/** A rich-text field of the plan (named as in the document) in its JSON form. */
export function planRichText(plan: PlanJSON, field: PlanRichTextField): RichTextDoc {
  return fields[field](plan);
}
