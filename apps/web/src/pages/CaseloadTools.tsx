import { useId, useMemo, useState } from 'react';
import type { PlanSummary } from '@samplan/api';
import { nbCaseload } from '../i18n/index.ts';

export type CaseloadFilter = keyof typeof nbCaseload.filters;
export type CaseloadSort = keyof typeof nbCaseload.sorts;

export interface Caseload {
  total: number;
  shown: PlanSummary[];
  search: string;
  setSearch(value: string): void;
  filter: CaseloadFilter;
  setFilter(value: CaseloadFilter): void;
  sort: CaseloadSort;
  setSort(value: CaseloadSort): void;
}

const matchesFilter = (plan: PlanSummary, filter: CaseloadFilter): boolean => {
  if (filter === 'all') return true;
  if (plan.access !== 'apen') return filter === 'consent';
  if (filter === 'attention') return plan.attention.length > 0;
  if (filter === 'overdue') return plan.attention.some(nbCaseload.isOverdue);
  return plan.attention.some((item) => item.kind === 'familyConsentWaiting' || item.kind === 'consentWaiting');
};

const nameOf = (plan: PlanSummary): string => plan.childName ?? plan.title;

/** Search by the child's name, filter by what needs attention, and order: the server's order is the most urgent first. */
export function useCaseload(plans: readonly PlanSummary[]): Caseload {
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<CaseloadFilter>('all');
  const [sort, setSort] = useState<CaseloadSort>('urgency');
  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('nb');
    const list = plans.filter(
      (plan) =>
        matchesFilter(plan, filter) &&
        (!needle || `${nameOf(plan)} ${plan.title}`.toLocaleLowerCase('nb').includes(needle)),
    );
    if (sort === 'name') list.sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'nb'));
    if (sort === 'changed') {
      const at = (plan: PlanSummary) => (plan.access === 'apen' ? (plan.lastChange?.at ?? '') : '');
      list.sort((a, b) => at(b).localeCompare(at(a)));
    }
    return list;
  }, [plans, search, filter, sort]);
  return { total: plans.length, shown, search, setSearch, filter, setFilter, sort, setSort };
}

/** The worklist's search, filter and order, above the plans. */
export function CaseloadTools({ caseload }: { caseload: Caseload }) {
  const id = useId();
  const t = nbCaseload;
  return (
    <search className="caseload-tools" aria-label={t.toolsLabel}>
      <div className="form-field caseload-tools__search">
        <label htmlFor={`${id}-search`}>{t.search}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={caseload.search}
          onChange={(e) => caseload.setSearch(e.target.value)}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-filter`}>{t.filter}</label>
        <select
          id={`${id}-filter`}
          value={caseload.filter}
          onChange={(e) => caseload.setFilter(e.target.value as CaseloadFilter)}
        >
          {(Object.keys(t.filters) as CaseloadFilter[]).map((key) => (
            <option key={key} value={key}>
              {t.filters[key]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-sort`}>{t.sort}</label>
        <select
          id={`${id}-sort`}
          value={caseload.sort}
          onChange={(e) => caseload.setSort(e.target.value as CaseloadSort)}
        >
          {(Object.keys(t.sorts) as CaseloadSort[]).map((key) => (
            <option key={key} value={key}>
              {t.sorts[key]}
            </option>
          ))}
        </select>
      </div>
      <p className="caseload-tools__count" role="status">
        {t.showing(caseload.shown.length, caseload.total)}
      </p>
    </search>
  );
}
