import type { SectionId } from '../routing/routes.ts';
import { PART_WRITERS } from '@samplan/api/partRights';
import { nbAccess } from '../i18n/index.ts';
import { OpenItemProvider } from '../items/OpenItem.tsx';
import { PartScope } from '../planDoc/PartScope.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { AboutSection } from '../sections/AboutSection.tsx';
import { ConsentSection } from '../sections/ConsentSection.tsx';
import { CooperationSection } from '../sections/CooperationSection.tsx';
import { EvaluationsSection } from '../sections/EvaluationsSection.tsx';
import { GoalsSection } from '../sections/GoalsSection.tsx';
import { MeasuresSection } from '../sections/MeasuresSection.tsx';
import { MeetingsSection } from '../sections/MeetingsSection.tsx';
import { ParticipantsSection } from '../sections/ParticipantsSection.tsx';
import { PeriodSection } from '../sections/PeriodSection.tsx';
import { ServicesSection } from '../sections/ServicesSection.tsx';
import { TasksSection } from '../sections/TasksSection.tsx';

/** The section of one part of the plan; its fields may be edited only by who may write that part. */
export function SectionContent({ section }: { section: SectionId }) {
  const { canEdit, canWrite } = usePlan();
  return (
    <PartScope part={section}>
      {canEdit && !canWrite(section) && (
        <p className="alert alert--info">{nbAccess.parts.readOnly(section, PART_WRITERS[section])}</p>
      )}
      <OpenItemProvider key={section}>
        <SectionBody section={section} />
      </OpenItemProvider>
    </PartScope>
  );
}

function SectionBody({ section }: { section: SectionId }) {
  switch (section) {
    case 'omBarnet':
      return <AboutSection />;
    case 'maal':
      return <GoalsSection />;
    case 'tiltak':
      return <MeasuresSection />;
    case 'evaluering':
      return <EvaluationsSection />;
    case 'deltakere':
      return <ParticipantsSection />;
    case 'samarbeid':
      return <CooperationSection />;
    case 'planinfo':
      return <PeriodSection />;
    case 'samtykke':
      return <ConsentSection />;
    case 'moter':
      return <MeetingsSection />;
    case 'oppgaver':
      return <TasksSection />;
    case 'tjenester':
      return <ServicesSection />;
  }
}
