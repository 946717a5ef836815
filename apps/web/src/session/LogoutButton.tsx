import { useId, useState } from 'react';
import { nb } from '../i18n/index.ts';
import { plansWithUnsentChanges, type UnsentPlan } from '../offline/deviceStore.ts';
import { navigate } from '../routing/navigation.ts';
import { paths } from '../routing/routes.ts';
import { useSession } from './SessionContext.tsx';
import { UnsentPlanList } from './UnsentPlanList.tsx';

/** After logging out: the login page, unless the page says otherwise. */
const toLogin = (): void => navigate(paths.login(), { replace: true });

/**
 * Logs out (here, or on every device) and goes to the login page (or does `onLoggedOut`). Every way to log out in
 * the app goes through it. Logging out deletes the plans this browser keeps;
 * when one of them holds words typed without a network that are not sent yet, it asks first, names the plans, and
 * keeping them is the choice that has the focus.
 */
export function LogoutButton({
  everywhere = false,
  className = 'button',
  label,
  onLoggedOut = toLogin,
}: {
  everywhere?: boolean;
  className?: string;
  /** The button's text, where it says more than «Logg ut». */
  label?: string;
  onLoggedOut?: () => void;
}) {
  const { user, logout, logoutEverywhere } = useSession();
  const [unsent, setUnsent] = useState<UnsentPlan[] | null>(null);
  const [busy, setBusy] = useState(false);
  const questionId = useId();
  const hintId = useId();

  const end = async (): Promise<void> => {
    setBusy(true);
    try {
      await (everywhere ? logoutEverywhere() : logout());
    } finally {
      setBusy(false);
    }
    setUnsent(null);
    onLoggedOut();
  };
  const onClick = async (): Promise<void> => {
    if (!user || busy) return;
    const waiting = await plansWithUnsentChanges(user.id);
    if (waiting.length > 0) setUnsent(waiting);
    else await end();
  };

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => void onClick()}
        disabled={busy}
        aria-expanded={unsent ? true : undefined}
      >
        {label ?? (everywhere ? nb.nav.logoutEverywhere : nb.nav.logout)}
      </button>
      {unsent && (
        <div
          className="item-confirm logout-confirm"
          role="alertdialog"
          aria-labelledby={questionId}
          aria-describedby={hintId}
        >
          <p id={questionId}>{nb.nav.unsent.title(unsent.length)}</p>
          <UnsentPlanList plans={unsent} onOpen={() => setUnsent(null)} />
          <p id={hintId}>{nb.nav.unsent.hint}</p>
          <div className="item-confirm__buttons">
            <button type="button" className="button button--danger-solid" disabled={busy} onClick={() => void end()}>
              {nb.nav.unsent.logoutAnyway}
            </button>
            {/* Keeping the words is the safe choice, so it has the focus. */}
            <button type="button" className="button" autoFocus onClick={() => setUnsent(null)}>
              {nb.nav.unsent.stay}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
