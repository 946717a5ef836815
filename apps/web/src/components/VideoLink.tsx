import { isHttpsUrl } from '@samplan/plan-model';
import { nbMeetings as t } from '../i18n/meetings.ts';
import '../styles/meetingCards.css';

/**
 * A meeting's video link: a link only when it is an https address (the plan refuses anything else, and this
 * checks again, so a javascript: or data: address is never a link), with the address itself shown for print.
 */
export function VideoLink({ href, showAddress = false }: { href: string | null; showAddress?: boolean }) {
  if (!href) return null;
  if (!isHttpsUrl(href)) return <span>{t.linkNotShown(href)}</span>;
  const host = new URL(href).host;
  return (
    <span className="video-link">
      <a href={href} target="_blank" rel="noopener noreferrer">
        {showAddress ? href : t.joinVideo}
      </a>
      {!showAddress && <span className="muted"> ({host})</span>}
    </span>
  );
}
