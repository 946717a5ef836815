import { getPlanRichText } from '@samplan/plan-model';
import { RichTextField } from '../editor/RichTextField.tsx';
import { nb } from '../i18n/index.ts';
import { usePlan } from '../plan/PlanContext.tsx';
import { SectionHeading } from '../plan/SectionHeading.tsx';

// The server does not yet record consent (that arrives with roles and invitations); until then the plan shows
// what has been written about it, and says where the formal record will come from.
export function ConsentSection() {
  const { doc } = usePlan().connection;
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="samtykke" />
      <div className="card stack">
        <div className="consent-record">
          <h3 className="item-card__title">{nb.consent.serverTitle}</h3>
          <p className="muted">{nb.consent.serverNone}</p>
        </div>
        <RichTextField fragment={getPlanRichText(doc, 'consent.notes')} label={nb.consent.notes} />
      </div>
    </section>
  );
}
