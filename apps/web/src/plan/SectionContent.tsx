import type { SectionId } from '../app/routes.ts';
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

export function SectionContent({ section }: { section: SectionId }) {
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
