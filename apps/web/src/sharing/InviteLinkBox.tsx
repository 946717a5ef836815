import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedInvite } from '@samplan/api';
import { formatDateTime, nbAccess } from '../i18n/index.ts';

const t = nbAccess.inviteForm;

/** The server gives a relative link when it does not know its public address; the browser does. */
export function absoluteLink(link: string, origin: string = location.origin): string {
  return link.startsWith('/') ? `${origin}${link}` : link;
}

/**
 * The new invitation: mailed to the address, and its link shown once with a copy button to send it another way;
 * an invitation into the family has no link here (it goes to the invited address only).
 */
export function InviteLinkBox({ created, onAnother }: { created: CreatedInvite; onAnother(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="invite-link" data-testid="invite-link">
      <h3 ref={heading} tabIndex={-1} className="invite-link__title">
        <span aria-hidden="true">✓ </span>
        {t.created(created.invite.email)}
      </h3>
      {created.link === null ? (
        <p className="hint">{t.mailOnly(formatDateTime(created.invite.expiresAt ?? ''))}</p>
      ) : (
        <CopyableLink link={absoluteLink(created.link)} expiresAt={created.invite.expiresAt} />
      )}
      <button type="button" className="button button--small invite-link__another" onClick={onAnother}>
        {t.another}
      </button>
    </div>
  );
}

function CopyableLink({ link, expiresAt }: { link: string; expiresAt: string | null }) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };

  return (
    <>
      <label htmlFor={inputId} className="field__label">
        {t.linkLabel}
      </label>
      <p id={hintId} className="hint">
        {t.linkHint(formatDateTime(expiresAt ?? ''))}
      </p>
      <div className="invite-link__row">
        <textarea
          ref={input}
          id={inputId}
          readOnly
          rows={3}
          value={link}
          aria-describedby={hintId}
          className="invite-link__input"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button button--primary" onClick={copy}>
          {t.copy}
        </button>
      </div>
      <p role="status" className="invite-link__status">
        {copied === 'yes' ? t.copied : copied === 'failed' ? t.copyFailed : ''}
      </p>
    </>
  );
}
