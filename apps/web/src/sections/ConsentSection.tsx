import { getPlanRichText } from '@samplan/plan-model';
import { RichTextField } from '../editor/RichTextField.tsx';
import { nb } from '../i18n/index.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { ConsentManager } from '../sharing/ConsentManager.tsx';

export function ConsentSection() {
  const { connection, info } = usePlan();
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="samtykke" />
      <div className="card stack">
        <div className="consent-record">
          <h3 className="item-card__title">{nb.consent.serverTitle}</h3>
          <ConsentManager info={info} />
        </div>
        <RichTextField fragment={getPlanRichText(connection.doc, 'consent.notes')} label={nb.consent.notes} />
      </div>
    </section>
  );
}
