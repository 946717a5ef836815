import { describe, expect, it } from 'vitest';
import { nbAccess } from '../src/i18n/index.ts';

describe('what the plan says once the family has given consent', () => {
  const given = nbAccess.familyConsent.given;

  it('tells members who can open the plan now apart from those invited, who can once they have said yes', () => {
    expect(given({ members: 2, invited: 0 })).toBe(
      'Samtykket er lagret. 2 andre kan nå åpne planen. Du kan endre dette under «Deltakere og tilgang».',
    );
    expect(given({ members: 1, invited: 1 })).toBe(
      'Samtykket er lagret. Én annen kan nå åpne planen. Én som er invitert, kan åpne den når hen har takket ja. Du kan endre dette under «Deltakere og tilgang».',
    );
    expect(given({ members: 0, invited: 3 })).toMatch(/^Samtykket er lagret\. 3 som er invitert, kan åpne den når de/);
    expect(given({ members: 0, invited: 0 })).toBe(
      'Samtykket er lagret. Planen er bare for familien til dere deler den.',
    );
  });
});
