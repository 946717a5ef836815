import type * as Y from 'yjs';
import { addItem } from './addItem.ts';
import { COLLECTION_NAMES } from './collectionSpecs.ts';
import { createPlanStructure } from './createPlanStructure.ts';
import type { ParticipantRole } from './enums.ts';
import { getCollection, getPlanRichText } from './documentLayout.ts';
import { PlanModelError } from './PlanModelError.ts';
import { bulletList, paragraph, richDoc } from './richTextBuilders.ts';
import { updateMeta } from './updateMeta.ts';
import { writeRichText } from './writeRichText.ts';

// The invented plan for Emma Nilsen (shared/eksempler/eksempelplan.md). Nothing here describes a real person.
export const DEMO_PLAN = {
  title: 'Individuell plan for Emma Nilsen',
  childName: 'Emma Nilsen',
  createdAt: '2026-08-25T09:00:00.000Z',
} as const;

// Fills an empty plan in one transaction (one update). Keeps meta title/childName if the plan already has them.
export function seedDemoPlan(doc: Y.Doc): void {
  if (COLLECTION_NAMES.some((collection) => getCollection(doc, collection).size > 0)) {
    throw new PlanModelError('NOT_EMPTY', 'seedDemoPlan needs a plan without items');
  }
  doc.transact(() => {
    createPlanStructure(doc, DEMO_PLAN);
    const about = (field: Parameters<typeof getPlanRichText>[1], ...content: Parameters<typeof richDoc>): void =>
      writeRichText(getPlanRichText(doc, field), richDoc(...content));

    about(
      'about.child',
      paragraph('Emma Nilsen er 7 år og går i 2. klasse på Solbakken skole.'),
      paragraph('Hun har cerebral parese (spastisk diplegi) og epilepsi.'),
    );
    about(
      'about.family',
      paragraph('Emma bor med mor Kari Nilsen og far Jonas Nilsen.'),
      paragraph('Storebror Henrik er 11 år.'),
    );
    about(
      'about.resources',
      bulletList([
        'Emma er nysgjerrig.',
        'Hun er glad i musikk og svømming.',
        'Hun har gode venner i klassen.',
        'Foreldrene er godt kjent med Emmas behov og vil gjerne være med å bestemme.',
      ]),
    );
    about(
      'about.needs',
      bulletList([
        'Hjelp til forflytning og av- og påkledning.',
        'Tilrettelagt undervisning.',
        'Fysioterapi.',
        'Avlastning for familien.',
        'Oppfølging av epilepsi.',
      ]),
    );
    about(
      'about.familyContribution',
      paragraph('Foreldrene gjør tøyeøvelser hjemme tre kvelder i uken, følger opp avtaler og kjører til svømming.'),
    );
    about(
      'about.familyNeeds',
      bulletList([
        'Avlastning som passer familiens hverdag.',
        'Henrik trenger informasjon og en egen samtale om Emmas sykdom (barn som pårørende).',
      ]),
    );
    about(
      'cooperation.notes',
      paragraph('Planen krever samarbeid med sykehuset, PPT og NAV. Koordinator holder kontakten.'),
    );
    about(
      'consent.notes',
      paragraph(
        'Foreldrene samtykket 25.08.2026 til at planen utarbeides, og til at opplysninger deles med deltakerne i planen.',
      ),
      paragraph('Samtykket for dr. Per Hansen gjelder bare lesetilgang.'),
    );

    const person = (
      name: string,
      role: ParticipantRole,
      title: string,
      organisation: string,
      contribution: string,
      contact = '',
      expectations = '',
    ): string =>
      addItem(doc, 'participants', {
        name,
        role,
        title,
        organisation,
        contact,
        expectations,
        contribution: richDoc(paragraph(contribution)),
      });
    const kari = person(
      'Kari Nilsen',
      'foresatt',
      'Mor',
      '',
      'Tøyeøvelser hjemme, følger opp avtaler.',
      'kari.nilsen@example.org',
      'Vil være med å bestemme.',
    );
    const jonas = person(
      'Jonas Nilsen',
      'foresatt',
      'Far',
      '',
      'Kjører til svømming, deltar i møter.',
      'jonas.nilsen@example.org',
      'Vil være med å bestemme.',
    );
    person('Emma Nilsen', 'barn', '', '', 'Sier hva som er viktig for henne.');
    const sofie = person(
      'Sofie Andersen',
      'koordinator',
      'Barnekoordinator',
      'Barne- og familietjenesten, kommunen',
      'Koordinerer, innkaller til møter, sikrer fremdrift.',
      'sofie.andersen@kommune.example',
    );
    const lise = person(
      'Lise Berg',
      'deltaker',
      'Fysioterapeut',
      'Fysio- og ergoterapitjenesten',
      'Fysioterapi.',
      'lise.berg@kommune.example',
    );
    const marte = person(
      'Marte Olsen',
      'deltaker',
      'Rektor',
      'Solbakken skole',
      'Tilrettelegging i skolen.',
      'marte.olsen@skole.example',
    );
    const ahmed = person(
      'Ahmed Khan',
      'deltaker',
      'Ergoterapeut',
      'NAV Hjelpemiddelsentral',
      'Hjelpemidler.',
      'ahmed.khan@nav.example',
    );
    person('Per Hansen', 'lesetilgang', 'Lege', 'Barneavdelingen, sykehuset', 'Oppfølging av epilepsi.');

    updateMeta(doc, {
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
      nextRevision: '2027-03-01',
      evaluationInterval: 'Hver 3. måned',
      coordinatorId: sofie,
    });

    const createdAt = '2026-09-10T12:00:00.000Z';
    const goal1 = addItem(doc, 'goals', {
      title: 'Emma skal kunne gå selv med rollator i hele skolebygget innen sommeren 2027.',
      expressedBy: 'Emma og foreldrene',
      targetDate: '2027-06-20',
      status: 'pagar',
      createdAt,
    });
    const goal11 = addItem(doc, 'goals', {
      title: 'Gå fra klasserommet til kantina med rollator uten pause.',
      parentId: goal1,
      expressedBy: 'Emma og foreldrene',
      targetDate: '2027-02-01',
      status: 'pagar',
      createdAt,
    });
    const goal12 = addItem(doc, 'goals', {
      title: 'Gå i trapp med støtte fra én voksen.',
      parentId: goal1,
      expressedBy: 'Emma og foreldrene',
      targetDate: '2027-05-01',
      status: 'ikke_startet',
      createdAt,
    });
    const goal2 = addItem(doc, 'goals', {
      title: 'Familien skal ha en forutsigbar hverdag med avlastning som passer.',
      expressedBy: 'Foreldrene',
      targetDate: '2026-12-31',
      status: 'pagar',
      createdAt,
    });
    const goal3 = addItem(doc, 'goals', {
      title: 'Jeg vil svømme 25 meter alene.',
      expressedBy: 'Emma',
      targetDate: '2027-08-31',
      status: 'ikke_startet',
      createdAt,
    });

    addItem(doc, 'measures', {
      title: 'Fysioterapi med gangtrening',
      goalIds: [goal1, goal11, goal12],
      scope: '2 ganger i uken, 45 min',
      responsible: 'Fysioterapeut Lise Berg, kommunens fysio- og ergoterapitjeneste',
      responsibleId: lise,
      periodStart: '2026-09-01',
      periodEnd: '2027-06-20',
      status: 'pagar',
      implementation: richDoc(
        paragraph(
          'Gangtrening i gymsalen tirsdag og torsdag etter lunsj; assistenten er med og lærer øvelsene slik at de kan gjentas i friminuttene.',
        ),
        paragraph('Foreldrene gjør tøyeøvelser hjemme tre kvelder i uken.'),
      ),
    });
    addItem(doc, 'measures', {
      title: 'Tilpasset rollator og ramper på skolen',
      goalIds: [goal11],
      scope: 'Engangstiltak',
      responsible: 'Ergoterapeut Ahmed Khan, NAV Hjelpemiddelsentral',
      responsibleId: ahmed,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-15',
      status: 'pagar',
    });
    addItem(doc, 'measures', {
      title: 'Assistent i skoletiden',
      goalIds: [goal1],
      scope: '20 timer i uken',
      responsible: 'Rektor Solbakken skole, Marte Olsen',
      responsibleId: marte,
      periodText: 'skoleåret 2026/27',
      status: 'pagar',
    });
    addItem(doc, 'measures', {
      title: 'Avlastning i besøkshjem',
      goalIds: [goal2],
      scope: '1 helg i måneden',
      responsible: 'Barne- og familietjenesten',
      periodStart: '2026-11-01',
      status: 'ikke_startet',
      targetsFamily: true,
    });
    addItem(doc, 'measures', {
      title: 'Svømmeopplæring med tilpasset gruppe',
      goalIds: [goal3],
      scope: '1 gang i uken',
      responsible: 'Idrettslaget i samarbeid med fysioterapeut',
      periodStart: '2027-01-01',
      status: 'ikke_startet',
    });
    addItem(doc, 'measures', {
      title: 'Samtale med Henrik om Emmas sykdom',
      scope: '2 samtaler',
      responsible: 'Barneansvarlig ved barneavdelingen, sykehuset',
      periodText: 'høsten 2026',
      status: 'ikke_startet',
      targetsFamily: true,
    });

    addItem(doc, 'evaluations', {
      date: '2026-10-15',
      targetType: 'goal',
      targetId: goal11,
      note: richDoc(paragraph('Emma går til kantina med to pauser.')),
      achievement: 'delvis_naadd',
      author: 'Lise Berg',
    });
    addItem(doc, 'evaluations', {
      date: '2026-11-12',
      targetType: 'goal',
      targetId: goal2,
      note: richDoc(paragraph('Søknad om avlastning innvilget; oppstart forsinket til desember.')),
      achievement: 'delvis_naadd',
      author: 'Sofie Andersen, koordinator',
    });

    addItem(doc, 'cooperation', {
      name: 'Barneavdelingen ved sykehuset',
      purpose: 'Epilepsi, halvårlige kontroller',
    });
    addItem(doc, 'cooperation', { name: 'PPT', purpose: 'Sakkyndig vurdering for spesialundervisning' });
    addItem(doc, 'cooperation', { name: 'NAV', purpose: 'Hjelpestønad og grunnstønad' });

    const startMeeting = addItem(doc, 'meetings', {
      date: '2026-09-10',
      title: 'Ansvarsgruppemøte',
      status: 'gjennomfort',
      participantIds: [kari, jonas, sofie, lise, marte],
      presentIds: [kari, jonas, sofie, lise, marte],
      agenda: richDoc(bulletList(['Oppstart av planen', 'Mål for skoleåret'])),
      minutes: richDoc(paragraph('Målene ble vedtatt.'), paragraph('Ahmed Khan kontaktes om rollator.')),
    });
    addItem(doc, 'meetings', {
      date: '2026-12-03',
      title: 'Ansvarsgruppemøte',
      status: 'planlagt',
      participantIds: [kari, jonas, sofie, lise, marte],
      agenda: richDoc(bulletList(['Evaluering av delmål 1.1', 'Avlastning'])),
    });

    addItem(doc, 'tasks', {
      title: 'Kontakte NAV Hjelpemiddelsentral om rollator',
      responsibleId: sofie,
      dueDate: '2026-09-20',
      done: true,
      meetingId: startMeeting,
    });
    addItem(doc, 'tasks', {
      title: 'Sende timeplan for fysioterapi til skolen',
      responsibleId: lise,
      dueDate: '2026-09-15',
      done: true,
    });
    addItem(doc, 'tasks', { title: 'Søke om avlastning', responsibleId: kari, dueDate: '2026-10-01', done: true });
    addItem(doc, 'tasks', {
      title: 'Avtale samtale for Henrik',
      responsibleId: sofie,
      dueDate: '2026-11-15',
      done: false,
    });

    addItem(doc, 'services', {
      name: 'Cerebral Parese-foreningen',
      kind: 'brukerorganisasjon',
      status: 'informert',
      date: '2026-09-10',
    });
    addItem(doc, 'services', {
      name: 'Epilepsiforbundet',
      kind: 'brukerorganisasjon',
      status: 'informert',
      date: '2026-09-10',
    });
    addItem(doc, 'services', {
      name: 'NAV hjelpestønad',
      kind: 'ytelse',
      status: 'soknad_sendt',
      date: '2026-09-12',
      note: 'Henvist 12.09.2026, søknad sendt.',
    });
    addItem(doc, 'services', {
      name: 'Frambu kompetansesenter',
      kind: 'kompetansesenter',
      status: 'ikke_aktuelt',
      note: 'Ikke aktuelt nå.',
    });
  });
}
