import type { RichTextDoc } from '@samplan/plan-model';
import { isEmptyRichText, RichTextView } from '../editor/RichTextView.tsx';
import { nb } from '../i18n/index.ts';

/** A rich-text field in the print view; empty fields say so instead of leaving a gap. */
export function PrintRichText({ label, doc }: { label?: string; doc: RichTextDoc }) {
  return (
    <div className="print-field">
      {label && <h4 className="print-field__label">{label}</h4>}
      <div className="print-field__body">
        {isEmptyRichText(doc) ? <p className="muted">{nb.common.empty}</p> : <RichTextView doc={doc} />}
      </div>
    </div>
  );
}
