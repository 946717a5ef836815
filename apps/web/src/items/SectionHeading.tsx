import type { ReactNode } from 'react';
import type { SectionId } from '../routing/routes.ts';
import { nb } from '../i18n/index.ts';

/** The heading of the section shown; focus moves here when the user picks a section. */
export function SectionHeading({ section, children }: { section: SectionId; children?: ReactNode }) {
  return (
    <div className="section-heading">
      <div>
        <h2 id="section-heading" tabIndex={-1}>
          {nb.sections[section]}
        </h2>
        <p className="section-heading__intro">{nb.sectionIntro[section]}</p>
      </div>
      {children && <div className="section-heading__actions">{children}</div>}
    </div>
  );
}
