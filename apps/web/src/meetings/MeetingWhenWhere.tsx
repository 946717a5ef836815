import { VideoLink } from '../components/VideoLink.tsx';
import { meetingWhen, nbMeetings as t } from '../i18n/index.ts';
import { useField, useItemMap } from '../planDoc/planHooks.ts';
import './meetings.css';

/** When and where the meeting is, and the link to join it on video. */
export function MeetingWhenWhere({ meetingId }: { meetingId: string }) {
  const item = useItemMap('meetings', meetingId);
  const date = useField('meetings', item, 'date');
  const time = useField('meetings', item, 'time');
  const place = useField('meetings', item, 'place');
  const videoLink = useField('meetings', item, 'videoLink');
  return (
    <dl className="meeting-facts">
      <div>
        <dt>{t.when}</dt>
        <dd>{meetingWhen(date, time) || t.noDate}</dd>
      </div>
      {(place || videoLink) && (
        <div>
          <dt>{t.where}</dt>
          <dd>
            {place}
            {place && videoLink && <br />}
            <VideoLink href={videoLink} />
          </dd>
        </div>
      )}
    </dl>
  );
}
