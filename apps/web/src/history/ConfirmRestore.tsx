import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert } from '../components/Alert.tsx';
import { nbHistory } from '../i18n/index.ts';

const t = nbHistory.versionPage;

/**
 * A button that brings something back, after asking: what it means is said in plain words first. `restore`
 * resolves with what to tell the user (or rejects, and `failed` is told).
 */
export function ConfirmRestore(props: {
  label: string;
  question: string;
  explanation: string;
  failed: string;
  restore(): Promise<string>;
  children?: ReactNode;
}) {
  const headingId = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  // The button that was pressed is gone once it is done: focus goes to what happened.
  useEffect(() => {
    if (result) outcome.current?.focus();
  }, [result]);

  const restore = async (): Promise<void> => {
    setBusy(true);
    try {
      setResult({ kind: 'info', text: await props.restore() });
      setAsking(false);
    } catch {
      setResult({ kind: 'error', text: props.failed });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="confirm-restore no-print">
      {result && (
        <div ref={outcome} tabIndex={-1}>
          <Alert kind={result.kind}>
            {result.text} {result.kind === 'info' && props.children}
          </Alert>
        </div>
      )}
      {asking ? (
        <section className="card confirm" aria-labelledby={headingId}>
          <h2 id={headingId} ref={question} tabIndex={-1}>
            {props.question}
          </h2>
          <p>{props.explanation}</p>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={restore} disabled={busy}>
              {t.confirm}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              {t.cancel}
            </button>
          </div>
        </section>
      ) : (
        result?.kind !== 'info' && (
          <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
            {props.label}
          </button>
        )
      )}
    </div>
  );
}
