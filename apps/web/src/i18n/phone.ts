// The plan on a phone: the compact menu of the plan's parts, the overview in one line, who is here.
export const nbPhone = {
  menuLabel: 'Del av planen',
  menuHint: 'Andre deler, historikk og utskrift',
  overviewLine: (reached: number, total: number) => `Mål: ${reached} av ${total} nådd`,
  overdueTasks: (count: number) => (count === 1 ? '1 oppgave på overtid' : `${count} oppgaver på overtid`),
  overdueGoals: (count: number) => (count === 1 ? '1 mål med måldato passert' : `${count} mål med måldato passert`),
  evaluationsOverdue: (count: number) => (count === 1 ? '1 evaluering på overtid' : `${count} evalueringer på overtid`),
  revisionPassed: 'revisjonen er forsinket',
  othersHere: (names: string) => `Også i planen nå: ${names}`,
};
