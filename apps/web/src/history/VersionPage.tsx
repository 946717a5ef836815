import type { PlanInfo, VersionExport, VersionInfo } from '@samplan/api';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/ApiError.ts';
import { historyApi } from '../api/historyApi.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { formatDateTime, nb, nbHistory } from '../i18n/index.ts';
import { PrintPlan } from '../print/PrintPlan.tsx';
import { canDo } from '../planDoc/permissions.ts';
import { PlanAdminFrame } from '../sharing/PlanAdminFrame.tsx';
import { ConfirmRestore } from './ConfirmRestore.tsx';
import './history.css';

const t = nbHistory.versionPage;

function loadErrorOf(error: unknown): string {
  if (error instanceof ApiError && error.code === 'VERSION_NOT_FOUND') return t.notFound;
  if (error instanceof ApiError && error.code === 'PLAN_UNREADABLE') return t.unreadable;
  return nbHistory.loadFailed;
}

function Version({ info, seq }: { info: PlanInfo; seq: number }) {
  const [loaded, setLoaded] = useState<{ content: VersionExport; version: VersionInfo | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([historyApi.version(info.id, seq), historyApi.versions(info.id, { before: seq + 1, limit: 1 })]).then(
      ([content, list]) => {
        const version = list.versions.find((candidate) => candidate.seq === seq) ?? null;
        if (!cancelled) setLoaded({ content, version });
      },
      (err: unknown) => {
        if (!cancelled) setError(loadErrorOf(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [info.id, seq]);

  if (error) return <Alert>{error}</Alert>;
  if (!loaded) return <Spinner label={nb.loading} />;
  const when = loaded.version ? formatDateTime(loaded.version.at) : '';
  return (
    <>
      <div className="version-banner" role="note">
        <p className="version-banner__title">{t.banner(when)}</p>
        <p className="no-print">{t.bannerDetail}</p>
        {loaded.version?.name && <p className="version__name">{loaded.version.name}</p>}
        <div className="version-banner__actions no-print">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t.print}
          </button>
          <Link className="button button--secondary" to={paths.changes(info.id, seq)}>
            {nbHistory.version.compare}
          </Link>
          <Link to={paths.history(info.id)}>{t.back}</Link>
        </div>
      </div>
      {canDo(info, 'restorePlan') && (
        <ConfirmRestore
          label={t.restore}
          question={t.confirmTitle}
          explanation={t.confirmText(when)}
          failed={t.restoreFailed}
          restore={async () => {
            const { seq: restored } = await historyApi.restore(info.id, { toSeq: seq });
            return restored === null ? t.nothingToRestore : t.restored;
          }}
        >
          <Link to={paths.plan(info.id)}>{t.toPlan}</Link>
        </ConfirmRestore>
      )}
      <PrintPlan
        plan={loaded.content.content}
        planId={info.id}
        childName={info.childName}
        title={loaded.content.content.meta.title || info.title}
      />
    </>
  );
}

/** `/planer/:id/historikk/:seq`: the whole plan as it was right after update `seq`, read-only, to print. */
export function VersionPage({ planId, seq }: { planId: string; seq: number }) {
  return (
    <PlanAdminFrame planId={planId} current="history" title={t.title}>
      {(info) => <Version info={info} seq={seq} />}
    </PlanAdminFrame>
  );
}
