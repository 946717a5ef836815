import type { ReactNode } from 'react';

/** A rich-text field's label, with its formatting buttons beside it (shown while the field has focus). */
export function RichTextHeader({
  labelId,
  label,
  hint,
  children,
}: {
  labelId: string;
  label: string;
  hint?: string;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="rich-text__header">
        <div id={labelId} className="field__label">
          {label}
        </div>
        {children}
      </div>
      {hint && <p className="hint">{hint}</p>}
    </>
  );
}
