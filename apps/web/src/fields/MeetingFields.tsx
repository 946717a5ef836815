import { isHttpsUrl, MeetingPlaceSchema } from '@samplan/plan-model';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { useField, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { DraftField } from './DraftField.tsx';
import { parseTime } from '../i18n/parseTime.ts';

/** The time of a meeting, typed as tt:mm. */
export function MeetingTimeField({ meetingId }: { meetingId: string }) {
  const actions = usePlanActions();
  const item = useItemMap('meetings', meetingId);
  const time = useField('meetings', item, 'time');
  return (
    <DraftField<string>
      label={t.time}
      shown={time ?? ''}
      current={time}
      placeholder={t.timeHint}
      inputMode="numeric"
      className="field--time"
      parse={(text) => {
        if (text === '') return { value: null };
        const value = parseTime(text);
        return value ? { value } : { error: t.timeInvalid };
      }}
      onCommit={(value) => actions.update('meetings', meetingId, { time: value })}
    />
  );
}

/** Where the meeting is held. */
export function MeetingPlaceField({ meetingId }: { meetingId: string }) {
  const actions = usePlanActions();
  const item = useItemMap('meetings', meetingId);
  const place = useField('meetings', item, 'place');
  return (
    <DraftField<string>
      label={t.place}
      hint={t.placeHint}
      shown={place}
      current={place === '' ? null : place}
      className="field--grow"
      parse={(text) =>
        text === ''
          ? { value: null }
          : MeetingPlaceSchema.safeParse(text).success
            ? { value: text }
            : { error: t.placeTooLong }
      }
      onCommit={(value) => actions.update('meetings', meetingId, { place: value ?? '' })}
    />
  );
}

/** The link to join the meeting on video: only an https address is taken. */
export function MeetingVideoLinkField({ meetingId }: { meetingId: string }) {
  const actions = usePlanActions();
  const item = useItemMap('meetings', meetingId);
  const link = useField('meetings', item, 'videoLink');
  return (
    <DraftField<string>
      label={t.videoLink}
      hint={t.videoLinkHint}
      shown={link ?? ''}
      current={link}
      type="url"
      inputMode="url"
      placeholder="https://"
      className="field--grow"
      parse={(text) =>
        text === '' ? { value: null } : isHttpsUrl(text) ? { value: text } : { error: t.videoLinkInvalid }
      }
      onCommit={(value) => actions.update('meetings', meetingId, { videoLink: value })}
    />
  );
}
