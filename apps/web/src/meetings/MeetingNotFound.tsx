import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { Alert } from '../components/Alert.tsx';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

/** A meeting address whose meeting is not in the plan (deleted, or never there). */
export function MeetingNotFound() {
  const { info } = usePlan();
  return (
    <div className="narrow-page">
      <h1 tabIndex={-1}>{t.notFoundTitle}</h1>
      <Alert>{t.notFound}</Alert>
      <p>
        <Link to={paths.plan(info.id, 'moter')}>{t.back}</Link>
      </p>
    </div>
  );
}
