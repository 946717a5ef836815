import { orderMeetings, parseEvaluationInterval, progressSummary, type PlanJSON } from '@samplan/plan-model';
import { isEmptyRichText } from '../editor/RichTextView.tsx';
import { formatDate, formatDateLong, meetingWhen, nb, nbMeetings, todayIso } from '../i18n/index.ts';
import { ConsentRecords } from '../sections/ConsentRecords.tsx';
import { goalNumbers } from './goalNumbers.ts';
import { PrintFacts } from './PrintFacts.tsx';
import { PrintRichText } from './PrintRichText.tsx';
import { PrintTaskRow } from './PrintTaskRow.tsx';
import { responsibleLine } from '../items/responsibleLine.ts';

const period = (start: string | null, end: string | null, text = ''): string =>
  start || end ? `${formatDate(start) || '…'}–${formatDate(end) || '…'}` : text;

/** The whole plan as one document, in the order of the law's elements, for printing or saving as PDF. */
export function PrintPlan({
  plan,
  planId,
  childName,
  title,
}: {
  plan: PlanJSON;
  planId: string;
  childName: string;
  title: string;
}) {
  const today = todayIso();
  const summary = progressSummary(plan, today);
  const goalNumber = goalNumbers(plan);
  const participantName = new Map(plan.participants.map((p) => [p.id, p.name || nb.participants.unnamed]));
  const measureTitle = new Map(plan.measures.map((m) => [m.id, m.title]));
  const coordinator = plan.meta.coordinatorId ? participantName.get(plan.meta.coordinatorId) : null;

  return (
    <article className="print-plan">
      <header className="print-plan__header">
        <p className="print-plan__marking">{nb.print.marking}</p>
        <h1 tabIndex={-1}>{nb.print.heading(childName)}</h1>
        <p className="print-plan__title">{title}</p>
        <PrintFacts
          facts={[
            [nb.print.period, period(plan.meta.periodStart, plan.meta.periodEnd)],
            [nb.period.nextRevision, formatDate(plan.meta.nextRevision)],
            [
              nb.period.interval,
              nb.period.intervalText(
                plan.meta.evaluationInterval,
                parseEvaluationInterval(plan.meta.evaluationInterval),
              ),
            ],
            [nb.print.coordinator, coordinator],
            [nb.overview.goals, nb.overview.goalsReached(summary.goalsReached, summary.goalsTotal)],
          ]}
        />
        <p className="muted">{nb.print.printedAt(formatDateLong(today))}</p>
      </header>

      <section className="print-section">
        <h2>{nb.sections.omBarnet}</h2>
        {Object.values(plan.about).every((doc) => isEmptyRichText(doc)) && (
          <p className="muted">{nb.print.notFilled}</p>
        )}
        <PrintRichText level={3} label={nb.about.child} doc={plan.about.child} />
        <PrintRichText level={3} label={nb.about.family} doc={plan.about.family} />
        <PrintRichText level={3} label={nb.about.resources} doc={plan.about.resources} />
        <PrintRichText level={3} label={nb.about.needs} doc={plan.about.needs} />
        <PrintRichText level={3} label={nb.about.familyContribution} doc={plan.about.familyContribution} />
        <PrintRichText level={3} label={nb.about.familyNeeds} doc={plan.about.familyNeeds} />
      </section>

      <section className="print-section">
        <h2>{nb.sections.maal}</h2>
        {plan.goals.length === 0 && <p className="muted">{nb.goals.empty}</p>}
        {plan.goals.map((goal) => {
          const number = goalNumber.get(goal.id) ?? '';
          const milestones = plan.evaluations
            .filter((evaluation) => evaluation.targetType === 'goal' && evaluation.targetId === goal.id)
            .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
          return (
            <div key={goal.id} className={goal.parentId ? 'print-item print-item--sub' : 'print-item'}>
              <h3>
                {goal.parentId ? nb.goals.subGoalNumber(number) : nb.goals.mainGoalNumber(Number(number))}:{' '}
                {goal.title || nb.plan.untitled}
              </h3>
              <PrintFacts
                facts={[
                  [nb.common.status, nb.goalStatus[goal.status]],
                  [nb.goals.targetDate, formatDate(goal.targetDate)],
                  [nb.goals.expressedBy, goal.expressedBy],
                ]}
              />
              <PrintRichText label={nb.goals.description} doc={goal.description} />
              {milestones.length > 0 && (
                <>
                  <h4 className="print-field__label">{nb.goals.milestones}</h4>
                  <ul className="print-list">
                    {milestones.map((evaluation) => (
                      <li key={evaluation.id}>
                        {formatDate(evaluation.date)}
                        {evaluation.achievement ? ` – ${nb.achievement[evaluation.achievement]}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          );
        })}
      </section>

      <section className="print-section">
        <h2>{nb.sections.tiltak}</h2>
        {plan.measures.length === 0 && <p className="muted">{nb.measures.empty}</p>}
        {plan.measures.map((measure, index) => (
          <div key={measure.id} className="print-item">
            <h3>
              {nb.sections.tiltak} {index + 1}: {measure.title || nb.plan.untitled}
            </h3>
            <PrintFacts
              facts={[
                [
                  nb.print.linkedGoals,
                  measure.goalIds
                    .map((id) => goalNumber.get(id))
                    .filter(Boolean)
                    .join(', ') || nb.print.none,
                ],
                [nb.measures.scope, measure.scope],
                [
                  nb.measures.responsible,
                  responsibleLine(
                    measure.responsible,
                    measure.responsibleId ? participantName.get(measure.responsibleId) : null,
                  ),
                ],
                [nb.print.period, period(measure.periodStart, measure.periodEnd, measure.periodText)],
                [nb.common.status, nb.measureStatus[measure.status]],
              ]}
            />
            <PrintRichText label={nb.measures.implementation} doc={measure.implementation} />
          </div>
        ))}
      </section>

      <section className="print-section">
        <h2>{nb.sections.evaluering}</h2>
        {plan.evaluations.length === 0 && <p className="muted">{nb.evaluations.empty}</p>}
        {plan.evaluations.map((evaluation) => {
          const target = evaluation.targetMissing
            ? nb.evaluations.targetMissing
            : evaluation.targetType === 'goal'
              ? `${nb.evaluations.targetGoal} ${goalNumber.get(evaluation.targetId ?? '') ?? ''}`
              : `${nb.evaluations.targetMeasure}: ${measureTitle.get(evaluation.targetId ?? '') ?? ''}`;
          return (
            <div key={evaluation.id} className="print-item">
              <h3>
                {evaluation.date ? nb.evaluations.heading(formatDate(evaluation.date)) : nb.evaluations.headingNoDate}
              </h3>
              <PrintFacts
                facts={[
                  [nb.evaluations.target, target],
                  [nb.evaluations.achievement, evaluation.achievement ? nb.achievement[evaluation.achievement] : null],
                  [nb.evaluations.author, evaluation.author],
                ]}
              />
              <PrintRichText label={nb.evaluations.note} doc={evaluation.note} />
            </div>
          );
        })}
      </section>

      <section className="print-section">
        <h2>{nb.sections.deltakere}</h2>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{nb.participants.name}</th>
              <th scope="col">{nb.participants.role}</th>
              <th scope="col">{nb.participants.organisation}</th>
              <th scope="col">{nb.common.contact}</th>
              <th scope="col">{nb.participants.expectations}</th>
            </tr>
          </thead>
          <tbody>
            {plan.participants.map((participant) => (
              <tr key={participant.id}>
                <td>
                  {participant.name || nb.participants.unnamed}
                  {participant.id === plan.meta.coordinatorId && ` (${nb.participants.isCoordinator})`}
                  {participant.title && <div className="muted">{participant.title}</div>}
                </td>
                <td data-label={nb.participants.role}>{nb.participantRole[participant.role]}</td>
                <td data-label={nb.participants.organisation}>{participant.organisation}</td>
                <td data-label={nb.common.contact}>{participant.contact}</td>
                <td data-label={nb.participants.expectations}>{participant.expectations}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {plan.participants.map((participant) => (
          <PrintRichText
            key={participant.id}
            level={3}
            label={`${nb.participants.contribution}: ${participant.name || nb.participants.unnamed}`}
            doc={participant.contribution}
          />
        ))}
      </section>

      <section className="print-section">
        <h2>{nb.sections.samarbeid}</h2>
        <ul className="print-list">
          {plan.cooperation.map((part) => (
            <li key={part.id}>
              <strong>{part.name || nb.plan.untitled}</strong>
              {part.purpose && `: ${part.purpose}`}
              {part.contact && ` (${part.contact})`}
            </li>
          ))}
        </ul>
        <PrintRichText level={3} label={nb.cooperation.notes} doc={plan.notes.cooperation} />
      </section>

      <section className="print-section">
        <h2>{nb.sections.samtykke}</h2>
        <ConsentRecords planId={planId} />
        <PrintRichText level={3} label={nb.consent.notes} doc={plan.notes.consent} />
      </section>

      <section className="print-section">
        <h2>{nb.sections.moter}</h2>
        {plan.meetings.length === 0 && <p className="muted">{nb.meetings.empty}</p>}
        {/* Upcoming first, then past, as the plan lists them. */}
        {orderMeetings(plan.meetings, today).map((meeting) => (
          <div key={meeting.id} className="print-item">
            <h3>
              {meeting.title || nb.meetings.titleDefault} {formatDate(meeting.date)}
            </h3>
            <PrintFacts
              facts={[
                [nb.meetings.status, nb.meetingStatus[meeting.status]],
                [nbMeetings.when, meeting.time ? meetingWhen(meeting.date, meeting.time) : null],
                [nbMeetings.place, meeting.place],
                [nbMeetings.videoLink, meeting.videoLink],
                [nbMeetings.invited, meeting.participantIds.map((id) => participantName.get(id)).join(', ')],
                [nbMeetings.present, meeting.presentIds.map((id) => participantName.get(id)).join(', ')],
              ]}
            />
            <PrintRichText label={nb.meetings.agenda} doc={meeting.agenda} />
            <PrintRichText label={nb.meetings.minutes} doc={meeting.minutes} />
          </div>
        ))}
      </section>

      <section className="print-section">
        <h2>{nb.sections.oppgaver}</h2>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{nb.tasks.title}</th>
              <th scope="col">{nb.tasks.responsible}</th>
              <th scope="col">{nb.tasks.dueDate}</th>
              <th scope="col">{nb.tasks.done}</th>
            </tr>
          </thead>
          <tbody>
            {plan.tasks.map((task) => (
              <PrintTaskRow key={task.id} task={task} names={participantName} today={today} />
            ))}
          </tbody>
        </table>
      </section>

      <section className="print-section">
        <h2>{nb.sections.tjenester}</h2>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{nb.services.name}</th>
              <th scope="col">{nb.services.kind}</th>
              <th scope="col">{nb.services.status}</th>
              <th scope="col">{nb.services.date}</th>
              <th scope="col">{nb.common.contact}</th>
            </tr>
          </thead>
          <tbody>
            {plan.services.map((service) => (
              <tr key={service.id}>
                <td>
                  {service.name}
                  {service.note && <div className="muted">{service.note}</div>}
                </td>
                <td data-label={nb.services.kind}>{nb.serviceKind[service.kind]}</td>
                <td data-label={nb.services.status}>{nb.serviceStatus[service.status]}</td>
                <td data-label={nb.services.date}>{formatDate(service.date)}</td>
                <td data-label={nb.common.contact}>{service.contact}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
