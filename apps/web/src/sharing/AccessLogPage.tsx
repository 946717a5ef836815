import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { AccessLogEntry, LogVerification } from '@samplan/api';
import { accessApi, fetchWholeAccessLog } from '../api/accessApi.ts';
import type { PlanInfo } from '@samplan/api';
import { useSession } from '../session/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { formatDay, formatTime, nb, nbAccess, todayIso } from '../i18n/index.ts';
import { accessErrorMessage } from './accessError.ts';
import { describeLogLines, namesOf, type DescribedEntry, type LogCategory } from './describeLogEntry.ts';
import { canDo } from '../planDoc/permissions.ts';
import { PlanAdminFrame } from './PlanAdminFrame.tsx';

const t = nbAccess.log;
const PAGE = 200;

type Filter = 'all' | LogCategory;
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: t.filterAll },
  { value: 'views', label: t.filterViews },
  { value: 'changes', label: t.filterChanges },
  { value: 'access', label: t.filterAccess },
];

function Verification({ verification }: { verification: LogVerification }) {
  if (verification.ok) {
    return (
      <div className="log-check log-check--ok" role="status" data-verified="ok">
        <span className="log-check__icon" aria-hidden="true">
          ✓
        </span>
        <p className="log-check__title">{t.verifiedOk}</p>
      </div>
    );
  }
  const problem = (verification.problem && t.problem[verification.problem]) || t.problemUnknown;
  return (
    <div className="log-check log-check--bad" role="alert" data-verified="bad">
      <span className="log-check__icon" aria-hidden="true">
        !
      </span>
      <div>
        <p className="log-check__title">{t.verifiedBad}</p>
        <p className="log-check__detail">{t.verifiedBadDetail(verification.firstBadSeq ?? 0, problem)}</p>
      </div>
    </div>
  );
}

/** Entries newest first, in groups of one day each. */
function byDay(entries: DescribedEntry[]): Array<{ day: string; label: string; entries: DescribedEntry[] }> {
  const groups: Array<{ day: string; label: string; entries: DescribedEntry[] }> = [];
  for (const entry of entries) {
    const day = todayIso(new Date(entry.at));
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.entries.push(entry);
    else groups.push({ day, label: formatDay(entry.at), entries: [entry] });
  }
  return groups;
}

function AccessLog({ info }: { info: PlanInfo }) {
  const { user } = useSession();
  const filterId = useId();
  const [entries, setEntries] = useState<AccessLogEntry[] | null>(null);
  const [verification, setVerification] = useState<LogVerification | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [members, setMembers] = useState<Array<{ userId: string; name: string }>>([]);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(PAGE);
  const [loading, setLoading] = useState(false);

  const allowed = canDo(info, 'readLog');
  const load = useCallback(() => {
    if (!allowed) return;
    setError(null);
    setLoading(true);
    Promise.all([fetchWholeAccessLog(info.id), accessApi.members(info.id).catch(() => [])])
      .then(([log, memberList]) => {
        setEntries(log.entries);
        setVerification(log.verification);
        setFrom(log.from);
        setMembers(memberList);
      })
      .catch((err: unknown) => setError(accessErrorMessage(err)))
      .finally(() => setLoading(false));
  }, [info.id, allowed]);
  useEffect(load, [load]);

  const described = useMemo(() => {
    if (!entries) return [];
    return describeLogLines(entries, namesOf(entries, members)).reverse();
  }, [entries, members]);
  const filtered = filter === 'all' ? described : described.filter((entry) => entry.category === filter);
  const visible = filtered.slice(0, shown);

  if (!allowed) return <Alert kind="info">{t.forbidden}</Alert>;
  return (
    <>
      <p className="lead">{t.intro}</p>
      {from && <p>{t.fromDate(formatDay(from))}</p>}
      {error && (
        <Alert>
          {error}{' '}
          <button type="button" className="button button--small" onClick={load}>
            {nbAccess.page.retry}
          </button>
        </Alert>
      )}
      {!entries && !error && <Spinner label={nb.loading} />}
      {verification && (
        <section className="card log-summary" aria-label={t.checkTitle}>
          <Verification verification={verification} />
          <details className="log-details">
            <summary>{t.details}</summary>
            <div className="log-details__body">
              {verification.ok && <p>{t.verifiedOkDetail(verification.checked)}</p>}
              {entries && entries.length > described.length && <p>{t.grouped(entries.length, described.length)}</p>}
              <p>{t.sealed}</p>
              <div className="log-checksum">
                <p className="log-checksum__label">{t.checksum}</p>
                <p className="hint">{t.checksumHint}</p>
                <code>{verification.headHash}</code>
              </div>
            </div>
          </details>
        </section>
      )}
      {entries && (
        <section className="card log-entries" aria-labelledby="log-caption">
          <div className="log-toolbar">
            <div className="form-field log-toolbar__filter">
              <label htmlFor={filterId}>{t.filter}</label>
              <select
                id={filterId}
                value={filter}
                onChange={(e) => {
                  setFilter(e.target.value as Filter);
                  setShown(PAGE);
                }}
              >
                {FILTERS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <p className="muted log-toolbar__count" aria-live="polite">
              {t.count(visible.length, filtered.length)}
            </p>
            <button type="button" className="button button--small" onClick={load} disabled={loading}>
              {nbAccess.page.refresh}
            </button>
          </div>
          {filtered.length === 0 ? (
            <p className="muted">{t.empty}</p>
          ) : (
            <table className="log-table">
              <caption id="log-caption" className="visually-hidden">
                {t.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="log-table__when">
                    {t.when}
                  </th>
                  <th scope="col" className="log-table__who">
                    {t.who}
                  </th>
                  <th scope="col">{t.what}</th>
                </tr>
              </thead>
              {byDay(visible).map((group) => (
                <tbody key={group.day}>
                  <tr className="log-table__day">
                    <th scope="colgroup" colSpan={3}>
                      {group.label}
                    </th>
                  </tr>
                  {group.entries.map((entry) => (
                    <tr key={entry.seq} data-seq={entry.seq} data-category={entry.category}>
                      <td className="log-table__when">
                        <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                      </td>
                      <td className="log-table__who">
                        {entry.actor ? (
                          entry.actor.name
                        ) : (
                          <span className="muted">{entry.notLoggedIn ? t.notLoggedIn : t.system}</span>
                        )}
                        {entry.actor && entry.actor.userId === user?.id && (
                          <span className="muted"> {nbAccess.members.you}</span>
                        )}
                      </td>
                      <td>{entry.text}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          )}
          {filtered.length > visible.length && (
            <button type="button" className="button button--small" onClick={() => setShown((n) => n + PAGE)}>
              {t.showMore(Math.min(PAGE, filtered.length - visible.length))}
            </button>
          )}
        </section>
      )}
    </>
  );
}

/** Innsynslogg: who has seen and changed the plan, and when, with the check that the log is unaltered. */
export function AccessLogPage({ planId }: { planId: string }) {
  return (
    <PlanAdminFrame planId={planId} current="log">
      {(info) => <AccessLog info={info} />}
    </PlanAdminFrame>
  );
}
