import { useEffect, useState } from 'react';
import { api } from '../api/api.ts';
import type { ConsentInfo } from '@samplan/api';
import { Spinner } from '../components/Spinner.tsx';
import { formatDateTime, nb } from '../i18n/index.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';

function consentTitle(consent: ConsentInfo): string {
  if (consent.kind === 'plan') return nb.consent.kindPlan;
  const subject = consent.subject;
  if (!subject) return nb.consent.kindSharingUnknown;
  return nb.consent.kindSharing('name' in subject ? subject.name : subject.email);
}

/** The consents the server has recorded for this plan (who gave them, when, and whether they still apply). */
export function ConsentRecords({ planId }: { planId: string }) {
  const [consents, setConsents] = useState<ConsentInfo[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    api.consents(planId).then(
      (list) => !cancelled && setConsents(list),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [planId]);

  if (failed) return <p className="muted">{nb.consent.loadFailed}</p>;
  if (!consents) return <Spinner label={nb.loading} />;
  if (consents.length === 0) return <p className="muted consent-list consent-list--empty">{nb.consent.serverNone}</p>;
  return (
    <ul className="consent-list">
      {consents.map((consent) => (
        <li key={consent.id} className="consent-list__item">
          <div className="consent-list__title">
            <strong>{consentTitle(consent)}</strong>{' '}
            {consent.active ? (
              <StatusBadge status="innvilget" label={nb.consent.active} />
            ) : (
              <StatusBadge status="avslatt" label={nb.consent.withdrawn(formatDateTime(consent.withdrawnAt ?? ''))} />
            )}
          </div>
          <dl className="print-facts">
            <div>
              <dt>{nb.consent.givenBy}</dt>
              <dd>{consent.givenBy}</dd>
            </div>
            {consent.givenAt && (
              <div>
                <dt>{nb.consent.givenAt}</dt>
                <dd>{formatDateTime(consent.givenAt)}</dd>
              </div>
            )}
            {consent.recordedBy && (
              <div>
                <dt>{nb.consent.recordedBy}</dt>
                <dd>{consent.recordedBy.name}</dd>
              </div>
            )}
          </dl>
          {consent.note && <p className="consent-list__note">{consent.note}</p>}
        </li>
      ))}
    </ul>
  );
}
