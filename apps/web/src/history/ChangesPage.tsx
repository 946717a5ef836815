import type { ChangeInfo, ChangeList, PlanInfo, VersionInfo } from '@samplan/api';
import {
  collectionSpecs,
  isPlanRichTextField,
  PLAN_PARTS,
  planRichText,
  type CollectionName,
  type PlanJSON,
} from '@samplan/plan-model';
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { historyApi } from '../api/historyApi.ts';
import { Link } from '../routing/Link.tsx';
import { navigate, useLocationPath } from '../routing/navigation.ts';
import { changesRange, paths } from '../routing/routes.ts';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { formatDateTime, nb, nbHistory } from '../i18n/index.ts';
import { canDo } from '../planDoc/permissions.ts';
import { PlanAdminFrame } from '../sharing/PlanAdminFrame.tsx';
import { ConfirmRestore } from './ConfirmRestore.tsx';
import { describeVersion } from './describeVersion.ts';
import { fieldList, fieldText, isTextField, titleText } from './fieldValue.ts';
import { wordDiff } from './wordDiff.ts';
import './history.css';

const t = nbHistory.changes;

type Item = { id: string } & Record<string, unknown>;
const itemsOf = (plan: PlanJSON, collection: CollectionName): Map<string, Item> =>
  new Map((plan[collection] as Item[]).map((item) => [item.id, item]));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface Loaded {
  list: ChangeList;
  before: PlanJSON;
  after: PlanJSON;
  fromAt: string | null;
  toAt: string | null;
}

/** Old and new text with what was taken out struck through and what was put in underlined. */
function TextDiff({ before, after }: { before: string; after: string }) {
  return (
    <p className="text-diff">
      {wordDiff(before, after).map((segment, index) =>
        segment.kind === 'same' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'added' ? (
          <ins key={index}>
            <span className="visually-hidden">{t.inserted}: </span>
            {segment.text}
          </ins>
        ) : (
          <del key={index}>
            <span className="visually-hidden">{t.deleted}: </span>
            {segment.text}
          </del>
        ),
      )}
    </p>
  );
}

/** One field that differs: its label, then the words changed, or the value before and now. */
function FieldChange(props: {
  collection: CollectionName | undefined;
  field: string;
  before: unknown;
  after: unknown;
  plans: { before: PlanJSON; after: PlanJSON };
  /** The newer side is the plan now (or an earlier version). */
  toNow: boolean;
}) {
  const { collection, field, plans } = props;
  const before = fieldText(collection, field, props.before, plans.before);
  const after = fieldText(collection, field, props.after, plans.after);
  const shown = (value: unknown, plan: PlanJSON, text: string): ReactNode => {
    const list = fieldList(collection, field, value, plan);
    return list ? (
      <ul className="field-change__list">
        {list.map((name, index) => (
          <li key={index}>{name}</li>
        ))}
      </ul>
    ) : (
      text
    );
  };
  return (
    <div className="field-change">
      <p className="field-change__label">{nbHistory.field(collection, field)}</p>
      {isTextField(collection, field) ? (
        <TextDiff before={before === t.empty ? '' : before} after={after === t.empty ? '' : after} />
      ) : (
        <dl className="field-change__values">
          <dt>{t.before}</dt>
          <dd>{shown(props.before, plans.before, before)}</dd>
          <dt>{props.toNow ? t.after : t.afterThen}</dt>
          <dd>{shown(props.after, plans.after, after)}</dd>
        </dl>
      )}
    </div>
  );
}

/** Items brought back from this page: an item, or a hovedmål with its delmål (they came back with it). */
interface RestoredHere {
  ids: ReadonlySet<string>;
  add(ids: readonly string[]): void;
}

function ChangeCard(props: { info: PlanInfo; change: ChangeInfo; loaded: Loaded; restoredHere: RestoredHere }) {
  const { info, change, loaded, restoredHere } = props;
  const [restored, setRestored] = useState<'done' | 'there' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const plans = { before: loaded.before, after: loaded.after };
  const toNow = loaded.toAt === null;
  const { collection, itemId, field } = change;
  const noun = collection ? nbHistory.itemNoun[collection] : '';
  const title = collection && change.title ? titleText(collection, change.title) : '';
  const heading = collection
    ? `${noun[0]!.toUpperCase()}${noun.slice(1)}${title ? ` «${title}»` : ''}`
    : nbHistory.field(undefined, field ?? '');
  const names = change.by.map((person) => person.name);
  const mayRestore = change.kind === 'removed' && collection && canDo(info, `edit:${change.part}`);

  let fields: ReactNode = null;
  if (change.kind === 'changed' && collection && itemId) {
    const was = itemsOf(loaded.before, collection).get(itemId) ?? { id: itemId };
    const is = itemsOf(loaded.after, collection).get(itemId) ?? { id: itemId };
    fields = Object.keys(collectionSpecs[collection])
      .filter((name) => !same(was[name], is[name]))
      .map((name) => (
        <FieldChange
          key={name}
          collection={collection}
          field={name}
          before={was[name]}
          after={is[name]}
          plans={plans}
          toNow={toNow}
        />
      ));
  } else if (field && isPlanRichTextField(field)) {
    fields = (
      <FieldChange
        collection={undefined}
        field={field}
        before={planRichText(loaded.before, field)}
        after={planRichText(loaded.after, field)}
        plans={plans}
        toNow={toNow}
      />
    );
  } else if (field?.startsWith('meta.')) {
    const key = field.slice('meta.'.length) as keyof PlanJSON['meta'];
    fields = (
      <FieldChange
        collection={undefined}
        field={field}
        before={loaded.before.meta[key]}
        after={loaded.after.meta[key]}
        plans={plans}
        toNow={toNow}
      />
    );
  }

  // Brought back from another card here: a delmål with its hovedmål, or the same item twice in the list.
  const cameBack = itemId !== undefined && restoredHere.ids.has(itemId) && restored === null;

  const restore = async (): Promise<void> => {
    if (!collection || !itemId) return;
    setBusy(true);
    try {
      const { seq } = await historyApi.restore(info.id, { toSeq: loaded.list.from, collection, itemId });
      // Nothing to write: it is in the plan already (someone brought it back meanwhile).
      setRestored(seq === null ? 'there' : 'done');
      const delmaal =
        collection === 'goals' ? loaded.before.goals.filter((goal) => goal.parentId === itemId).map((g) => g.id) : [];
      if (seq !== null) restoredHere.add([itemId, ...delmaal]);
    } catch {
      setRestored('failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`card change change--${change.kind}`} data-change={`${change.kind}:${collection ?? field}`}>
      <div className="change__header">
        <span className={`badge change__badge change__badge--${change.kind}`}>{t[change.kind]}</span>
        <h3 className="change__title">{heading}</h3>
        {names.length > 0 && <p className="change__by">{t.by(names)}</p>}
      </div>
      {fields}
      {mayRestore && !cameBack && restored !== 'done' && restored !== 'there' && (
        <button type="button" className="button button--small" onClick={restore} disabled={busy}>
          {t.restore(noun, title)}
        </button>
      )}
      {restored === 'done' && <Alert kind="info">{t.restored(noun)}</Alert>}
      {restored === 'there' && <Alert kind="info">{t.alreadyThere(noun)}</Alert>}
      {mayRestore && cameBack && <Alert kind="info">{t.cameBack(noun)}</Alert>}
      {restored === 'failed' && <Alert>{t.restoreFailed}</Alert>}
    </li>
  );
}

/** A choice of version: `first` (the plan as created, or now), then the versions, newest first. */
function VersionSelect(props: {
  label: string;
  value: string;
  first: { value: string; label: string };
  versions: readonly VersionInfo[];
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="select" value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value={props.first.value}>{props.first.label}</option>
        {props.versions.map((version) => (
          <option key={version.seq} value={version.seq}>
            {`${formatDateTime(version.at)}: ${version.name ?? describeVersion(version)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Two versions to compare (the newest page of them), as a form that opens their comparison. */
function PickVersions({ info, from, to }: { info: PlanInfo; from: number; to: number | undefined }) {
  const [list, setList] = useState<{ versions: VersionInfo[]; firstSeq: number } | null>(null);
  const [picked, setPicked] = useState({ from: String(from), to: to === undefined ? '' : String(to) });
  useEffect(() => {
    let cancelled = false;
    historyApi.versions(info.id).then(
      (answer) => {
        if (!cancelled) setList(answer);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [info.id]);
  const versions = list?.versions ?? [];
  if (!list || versions.length < 2) return null;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    navigate(paths.changes(info.id, Number(picked.from), picked.to === '' ? undefined : Number(picked.to)));
  };
  return (
    <form className="card form pick-versions" onSubmit={submit}>
      <fieldset>
        <legend>{t.pickLegend}</legend>
        <div className="field-row">
          <VersionSelect
            label={t.pickFrom}
            value={picked.from}
            first={{ value: String(list!.firstSeq), label: info.family ? t.pickCreated : t.pickJoined }}
            versions={versions}
            onChange={(from) => setPicked({ ...picked, from })}
          />
          <VersionSelect
            label={t.pickTo}
            value={picked.to}
            first={{ value: '', label: t.pickNow }}
            versions={versions}
            onChange={(to) => setPicked({ ...picked, to })}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t.pick}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function Changes({ info }: { info: PlanInfo }) {
  const { search } = useLocationPath();
  const range = changesRange(search);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoredIds, setRestoredIds] = useState<ReadonlySet<string>>(new Set());
  const restoredHere = useMemo<RestoredHere>(
    () => ({ ids: restoredIds, add: (ids) => setRestoredIds((before) => new Set([...before, ...ids])) }),
    [restoredIds],
  );
  const from = range?.from;
  const to = range?.to;
  useEffect(() => {
    if (from === undefined) return;
    let cancelled = false;
    const timeOf = async (seq: number): Promise<string | null> => {
      if (seq === 0) return null;
      const { versions } = await historyApi.versions(info.id, { before: seq + 1, limit: 1 });
      return versions[0]?.at ?? null;
    };
    (async () => {
      const list = await historyApi.changes(info.id, from, to);
      const [before, after, fromAt, toAt] = await Promise.all([
        historyApi.version(info.id, list.from),
        historyApi.version(info.id, list.to),
        timeOf(list.from),
        to === undefined ? Promise.resolve(null) : timeOf(list.to),
      ]);
      return { list, before: before.content, after: after.content, fromAt, toAt };
    })().then(
      (result) => {
        if (!cancelled) setLoaded(result);
      },
      () => {
        if (!cancelled) setError(t.loadFailed);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [info.id, from, to]);

  if (!range) return <Alert>{t.loadFailed}</Alert>;
  if (error) return <Alert>{error}</Alert>;
  if (!loaded) return <Spinner label={nb.loading} />;
  const fromText = loaded.fromAt ? formatDateTime(loaded.fromAt) : t.planCreated;
  const byPart = PLAN_PARTS.map((part) => ({
    part,
    changes: loaded.list.changes.filter((change) => change.part === part),
  })).filter((group) => group.changes.length > 0);
  return (
    <>
      <p className="lead">{loaded.toAt ? t.range(fromText, formatDateTime(loaded.toAt)) : t.rangeNow(fromText)}</p>
      {loaded.list.from > 0 && (
        <p>
          <Link to={paths.version(info.id, loaded.list.from)}>{t.showVersion}</Link>
        </p>
      )}
      <PickVersions info={info} from={loaded.list.from} to={to} />
      {byPart.length === 0 && <p className="card empty-state">{t.none}</p>}
      {byPart.map(({ part, changes }) => (
        <section key={part} className="change-group" aria-labelledby={`changes-${part}`}>
          <h2 id={`changes-${part}`}>{nbHistory.partHeading[part]}</h2>
          {part !== 'annet' && canDo(info, 'restorePlan') && canDo(info, `edit:${part}`) && (
            <ConfirmRestore
              label={t.restorePart(nbHistory.partHeading[part])}
              question={t.restorePartQuestion(nbHistory.partHeading[part])}
              explanation={t.restorePartText(nbHistory.partHeading[part], fromText)}
              failed={t.restoreFailed}
              restore={async () => {
                await historyApi.restore(info.id, { toSeq: loaded.list.from, part });
                return t.restoredPart(nbHistory.partHeading[part]);
              }}
            />
          )}
          <ul className="change-list">
            {changes.map((change) => (
              <ChangeCard
                key={`${change.kind}:${change.collection ?? ''}:${change.itemId ?? change.field}`}
                info={info}
                change={change}
                loaded={loaded}
                restoredHere={restoredHere}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** `/planer/:id/endringer?fra=&til=`: what changed between two versions (`til` left out: until now). */
export function ChangesPage({ planId }: { planId: string }) {
  return (
    <PlanAdminFrame planId={planId} current="history" title={t.title}>
      {(info) => <Changes info={info} />}
    </PlanAdminFrame>
  );
}
