import type { SectionId } from '../routing/routes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { PageError } from '../components/PageError.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { useState } from 'react';
import { nb, nbAccess } from '../i18n/index.ts';
import { FamilyConsentStep } from '../sharing/FamilyConsentStep.tsx';
import { PlanConnectionGate } from '../planDoc/PlanConnectionGate.tsx';
import { PlanView } from './PlanView.tsx';
import { usePlanConnection } from '../planDoc/usePlanConnection.ts';
import { usePlanInfo } from '../planDoc/usePlanInfo.ts';

/** Loads the plan's metadata and opens its live document at the same time. */
export function PlanPage({ planId, section }: { planId: string; section: SectionId }) {
  const { user } = useSession();
  const { info, error, reload } = usePlanInfo(planId);
  const connection = usePlanConnection(planId, user ?? null);
  /** Said when the plan opens right after the family's consent step. */
  const [givenNotice, setGivenNotice] = useState<string | null>(null);
  usePageTitle(info?.title ?? (error ? nb.plan.cannotOpen : nb.plan.loading));

  if (error) {
    return <PageError title={nb.plan.cannotOpen} message={error} />;
  }
  if (!info || !connection) return <Spinner label={nb.plan.loading} />;
  // A plan a koordinator made waits for the family's consent: a parent is led through it before the plan.
  if (info.role === 'foresatt' && info.familyConsent === 'venter') {
    const given = (shared: { members: number; invited: number }): void => {
      // The plan opens at its top (the step's button was far down the page), saying the consent is kept.
      setGivenNotice(nbAccess.familyConsent.given(shared));
      window.scrollTo(0, 0);
      reload();
    };
    return <FamilyConsentStep info={info} onGiven={given} />;
  }
  return (
    <PlanConnectionGate connection={connection} info={info}>
      <PlanView section={section} {...(givenNotice && { notice: givenNotice })} />
    </PlanConnectionGate>
  );
}
