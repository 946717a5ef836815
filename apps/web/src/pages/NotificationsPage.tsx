import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { NotificationInfo, NotificationSettings } from '@samplan/api';
import { api } from '../api/api.ts';
import { Link } from '../routing/Link.tsx';
import { paths, type SectionId } from '../routing/routes.ts';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { formatDateTime, nbNotifications } from '../i18n/index.ts';
import { announceUnread } from './unreadNotifications.ts';

const t = nbNotifications;

/** The plan section a notification opens. */
const SECTION: Record<NotificationInfo['kind'], SectionId> = {
  task: 'oppgaver',
  meeting: 'moter',
  due: 'evaluering',
  consentRequest: 'samtykke',
};

function MailSettings() {
  const id = useId();
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    api.notificationSettings().then(setSettings, () => setStatus({ ok: false, text: t.loadFailed }));
  }, []);
  if (!settings) return status ? <Alert>{status.text}</Alert> : <Spinner label={t.settingsTitle} />;

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      setSettings(await api.saveNotificationSettings(settings));
      setStatus({ ok: true, text: t.saved });
    } catch {
      setStatus({ ok: false, text: t.saveFailed });
    }
  };
  return (
    <form className="card form notification-settings" onSubmit={save} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.settingsTitle}</h2>
      <p className="hint">{t.settingsIntro}</p>
      <fieldset className="choice-list">
        <legend className="visually-hidden">{t.settingsTitle}</legend>
        {(Object.keys(t.mailKinds) as Array<keyof typeof t.mailKinds>).map((kind) => (
          <label key={kind} className="choice">
            <input
              type="checkbox"
              checked={settings.mail[kind]}
              onChange={(e) => setSettings({ ...settings, mail: { ...settings.mail, [kind]: e.target.checked } })}
            />
            {t.mailKinds[kind]}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-list">
        <legend>{t.digest}</legend>
        {(Object.keys(t.digests) as Array<NotificationSettings['digest']>).map((digest) => (
          <label key={digest} className="choice">
            <input
              type="radio"
              name={`${id}-digest`}
              checked={settings.digest === digest}
              onChange={() => setSettings({ ...settings, digest })}
            />
            {t.digests[digest]}
          </label>
        ))}
      </fieldset>
      {status && <Alert kind={status.ok ? 'info' : 'error'}>{status.text}</Alert>}
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t.save}
        </button>
      </div>
    </form>
  );
}

/** "Varsler": what concerns me in my plans, newest first, and what I want by mail. */
export function NotificationsPage() {
  usePageTitle(t.title);
  const [list, setList] = useState<NotificationInfo[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    api.notifications().then(
      (answer) => {
        setList(answer.notifications);
        announceUnread(answer.unread);
      },
      () => setFailed(true),
    );
  }, []);
  useEffect(load, [load]);
  const unread = list?.filter((n) => !n.read).length ?? 0;
  const markAll = async (): Promise<void> => {
    await api.markNotificationsRead();
    load();
  };

  return (
    <div className="notifications-page">
      <h1 tabIndex={-1}>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {failed && <Alert>{t.loadFailed}</Alert>}
      {!list && !failed && <Spinner label={t.title} />}
      {list && list.length === 0 && <p className="card empty-state">{t.empty}</p>}
      {list && list.length > 0 && (
        <>
          {unread > 0 && (
            <button type="button" className="button button--small" onClick={markAll}>
              {t.markAllRead}
            </button>
          )}
          <ul className="notification-list">
            {list.map((n) => (
              <li key={n.id} className={n.read ? 'notification' : 'notification notification--unread'}>
                {!n.read && <span className="badge badge--warning">{t.unread}</span>}{' '}
                <Link to={paths.plan(n.planId, SECTION[n.kind])}>{t.text(n)}</Link>
                <p className="muted notification__at">{formatDateTime(n.createdAt)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <MailSettings />
    </div>
  );
}
