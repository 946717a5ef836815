import type { PlanInfo, VersionInfo, VersionList } from '@samplan/api';
import { useCallback, useEffect, useState } from 'react';
import { partOfCollection } from '@samplan/plan-model';
import { historyApi } from '../api/historyApi.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { formatDateTime, nb, nbHistory } from '../i18n/index.ts';
import { canDo } from '../planDoc/permissions.ts';
import { PlanAdminFrame } from '../sharing/PlanAdminFrame.tsx';
import { describeRemoved, describeVersion, lastMeetingVersion } from './describeVersion.ts';
import { NameVersionForm } from './NameVersionForm.tsx';
import './history.css';

const t = nbHistory;

function VersionRow({ info, version, isNewest }: { info: PlanInfo; version: VersionInfo; isNewest: boolean }) {
  const removed = describeRemoved(version);
  return (
    <li className="version" data-seq={version.seq}>
      <div className="version__main">
        <p className="version__when">
          <time dateTime={version.at}>{formatDateTime(version.at)}</time>
          {version.nameKind && (
            <span className={`badge version__badge version__badge--${version.nameKind}`}>
              {t.version.nameKind[version.nameKind]}
            </span>
          )}
        </p>
        {version.name && <p className="version__name">{version.name}</p>}
        <p className="version__what">{describeVersion(version)}</p>
        {removed && <p className="version__removed">{removed}</p>}
        {/* What is still gone can be brought back: on the comparison of this version with the one before it. */}
        {version.removed.some((item) => !item.back) && version.fromSeq > 1 && (
          <p>
            <Link to={paths.changes(info.id, version.fromSeq - 1, version.seq)}>
              {version.removed.some((item) => !item.back && canDo(info, `edit:${partOfCollection(item.collection)}`))
                ? t.version.seeRemoved
                : t.version.seeRemovedOnly}
            </Link>
          </p>
        )}
      </div>
      <div className="version__actions">
        {isNewest ? (
          <span className="muted">{t.version.current}</span>
        ) : (
          <>
            <Link className="button button--small" to={paths.version(info.id, version.seq)}>
              {t.version.show}
            </Link>
            <Link className="button button--small button--secondary" to={paths.changes(info.id, version.seq)}>
              {t.version.compare}
            </Link>
          </>
        )}
      </div>
    </li>
  );
}

function History({ info }: { info: PlanInfo }) {
  const [list, setList] = useState<VersionList | null>(null);
  const [older, setOlder] = useState<{ versions: VersionInfo[]; nextBefore: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);

  const load = useCallback(() => {
    setError(null);
    historyApi.versions(info.id).then(
      (answer) => {
        setList(answer);
        setOlder(null);
      },
      () => setError(t.loadFailed),
    );
  }, [info.id]);
  useEffect(load, [load]);

  if (error) {
    return (
      <Alert>
        {error}{' '}
        <button type="button" className="button button--small" onClick={load}>
          {t.retry}
        </button>
      </Alert>
    );
  }
  if (!list) return <Spinner label={nb.loading} />;
  const versions = [...list.versions, ...(older?.versions ?? [])];
  const nextBefore = older ? older.nextBefore : list.nextBefore;
  const meeting = lastMeetingVersion(versions);
  const loadOlder = (): void => {
    if (nextBefore === null) return;
    setLoadingOlder(true);
    historyApi
      .versions(info.id, { before: nextBefore })
      .then((page) =>
        setOlder((shown) => ({
          versions: [...(shown?.versions ?? []), ...page.versions],
          nextBefore: page.nextBefore,
        })),
      )
      .catch(() => setError(t.loadFailed))
      .finally(() => setLoadingOlder(false));
  };

  return (
    <>
      <p className="lead">
        {canDo(info, 'restorePlan')
          ? t.intro
          : t.introReader(info.permissions.some((action) => action.startsWith('edit:')))}
      </p>
      {(list.lastVisit !== null && list.lastVisit.seq < list.head) || meeting ? (
        <ul className="history-shortcuts">
          {list.lastVisit !== null && list.lastVisit.seq < list.head && (
            <li>
              <Link to={paths.changes(info.id, list.lastVisit.seq)}>
                {t.since.lastVisit(formatDateTime(list.lastVisit.at))}
              </Link>
            </li>
          )}
          {meeting && (
            <li>
              <Link to={paths.changes(info.id, meeting.seq)}>{t.since.lastMeeting(meeting.name ?? '')}</Link>
            </li>
          )}
        </ul>
      ) : null}
      {canDo(info, 'nameVersion') && <NameVersionForm planId={info.id} onNamed={load} />}
      {versions.length === 0 ? (
        <p className="card empty-state">{t.empty}</p>
      ) : (
        <ol className="version-list" aria-label={t.listLabel}>
          {versions.map((version, index) => (
            <VersionRow key={version.fromSeq} info={info} version={version} isNewest={index === 0} />
          ))}
        </ol>
      )}
      {nextBefore !== null && (
        <button type="button" className="button button--secondary" onClick={loadOlder} disabled={loadingOlder}>
          {t.older}
        </button>
      )}
    </>
  );
}

/** `/planer/:id/historikk`: every version of the plan, newest first. */
export function HistoryPage({ planId }: { planId: string }) {
  return (
    <PlanAdminFrame planId={planId} current="history">
      {(info) => <History info={info} />}
    </PlanAdminFrame>
  );
}
