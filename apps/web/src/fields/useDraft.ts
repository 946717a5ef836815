import { useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { PlanModelError } from '@samplan/plan-model';
import { PlanContext } from '../planDoc/PlanContext.tsx';

export type DraftResult<T> = { value: T } | { error: string };

export interface DraftOptions<T> {
  /** The plan's value, as the field shows it. */
  shown: string;
  /** What the typed text (trimmed) means: the value to write, or why it cannot be written. Empty text is `null`. */
  parse(text: string): DraftResult<T | null>;
  /** The plan's value now. */
  current: T | null;
  /** Called with a value that differs from the plan's. */
  onCommit(value: T | null): void;
  /** The text a value is shown as once written (a date typed `1.3.26` shows as `01.03.2026`); else the typed text stays. */
  format?(value: T | null): string;
}

export interface Draft {
  /** Why the typed text cannot be written, shown until it is put right. */
  error: string | null;
  /** For the field's `<input>`. */
  input: {
    value: string;
    onChange(event: { target: { value: string } }): void;
    onFocus(): void;
    onBlur(): void;
    onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  };
}

/**
 * A value typed as text that the plan gets once it is complete and valid: when the user leaves the field or presses
 * Enter, and also when they leave while still in it (the browser's back button, another page, the tab closed), which
 * leaves no blur to hear: the plan's connection writes what is typed before it closes (`holdDraft`), and the field
 * does when it goes while the plan stays open. A half-typed value never reaches the others, and one typed wrongly
 * stays in the field with its message until it is put right (or Escape brings the plan's value back).
 */
export function useDraft<T>(options: DraftOptions<T>): Draft {
  const connection = useContext(PlanContext)?.connection ?? null;
  const [draft, setDraft] = useState(options.shown);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  // Typed in since the field last showed the plan's value (set at once, not at the next render: an Escape and a
  // leaving in one go write nothing). Only what was typed is written: a field merely clicked into (or a read-only
  // one) shows the value the plan had then, and must not put it back over what someone else has set meanwhile.
  const typed = useRef(false);
  const latest = useRef({ options, draft });
  useLayoutEffect(() => {
    latest.current = { options, draft };
  });
  // The plan's value is shown when it changes (someone else set it) unless the field is being typed in. Leaving the
  // field does not bring it back: a value typed wrongly stays, with its message, until it is put right.
  useEffect(() => {
    if (!editing.current) {
      typed.current = false;
      setDraft(options.shown);
      setError(null);
    }
  }, [options.shown]);

  const commit = useCallback((): void => {
    const { options, draft } = latest.current;
    if (!typed.current) {
      // Nothing typed: the plan's value now, which may have changed while the field was in use.
      setDraft(options.shown);
      setError(null);
      return;
    }
    const result = options.parse(draft.trim());
    if ('error' in result) {
      setError(result.error);
      return;
    }
    typed.current = false;
    setError(null);
    if (options.format) setDraft(options.format(result.value));
    if (result.value !== options.current) options.onCommit(result.value);
  }, []);

  useEffect(() => {
    const flush = (): void => {
      if (!typed.current) return;
      try {
        commit();
      } catch (error) {
        // The item it was typed for is gone (deleted by someone else, its card with it): nothing to write it to.
        if (!(error instanceof PlanModelError && error.reason === 'ITEM_NOT_FOUND')) throw error;
      }
    };
    const release = connection?.holdDraft(flush);
    // Gone while typed in, the plan still open: written here. Had the connection closed first, it wrote it. An
    // error is reported, not thrown: thrown in an effect's cleanup, it would take the whole page down.
    return () => {
      if (release !== undefined && !release()) return;
      try {
        flush();
      } catch (error) {
        reportError(error);
      }
    };
  }, [connection, commit]);

  return {
    error,
    input: {
      value: draft,
      onChange: (event) => {
        typed.current = true;
        setDraft(event.target.value);
      },
      onFocus: () => {
        editing.current = true;
      },
      onBlur: () => {
        editing.current = false;
        commit();
      },
      onKeyDown: (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          typed.current = false;
          setDraft(latest.current.options.shown);
          setError(null);
        }
      },
    },
  };
}
