import { listNb } from './access.ts';

// The section and card pattern: reading an item, opening it to edit, who else is there.
export const nbItems = {
  edit: 'Endre',
  done: 'Ferdig',
  othersEditing: (names: readonly string[]) => `${listNb(names)} endrer nå`,
  othersTyping: (names: readonly string[]) => `${listNb(names)} skriver her`,
  untitled: 'Uten tittel',
  responsible: 'Ansvarlig',
  period: 'Periode',
  /** A period with one or both ends: «01.08.2026–20.06.2027», «fra 01.08.2026», «til 20.06.2027». */
  periodOf: (from: string | null, to: string | null) =>
    from && to ? `${from}–${to}` : from ? `fra ${from}` : to ? `til ${to}` : null,
  goals: 'Gjelder mål',
  familyNeeds: 'Gjelder familiens behov',
};
