import { getPlanRichText, type PlanRichTextField } from '@samplan/plan-model';
import { RichTextField } from '../editor/RichTextField.tsx';
import { nb } from '../i18n/index.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { SectionHeading } from '../items/SectionHeading.tsx';

const FIELDS: ReadonlyArray<{ field: PlanRichTextField; label: string; hint?: string }> = [
  { field: 'about.child', label: nb.about.child, hint: nb.about.childHint },
  { field: 'about.family', label: nb.about.family, hint: nb.about.familyHint },
  { field: 'about.resources', label: nb.about.resources },
  { field: 'about.needs', label: nb.about.needs },
  { field: 'about.familyContribution', label: nb.about.familyContribution },
  { field: 'about.familyNeeds', label: nb.about.familyNeeds },
];

export function AboutSection() {
  const { doc } = usePlan().connection;
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="omBarnet" />
      <div className="card stack">
        {FIELDS.map(({ field, label, hint }) => (
          <RichTextField key={field} fragment={getPlanRichText(doc, field)} label={label} hint={hint} />
        ))}
      </div>
    </section>
  );
}
