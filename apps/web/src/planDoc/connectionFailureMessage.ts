import type { ConnectionFailure } from '../collab/connectionState.ts';
import { nb, nbAccess } from '../i18n/index.ts';

/** Why the server closed the plan's connection, in words for the user. */
export function connectionFailureMessage(failure: ConnectionFailure): string {
  switch (failure) {
    case 'unauthenticated':
      return nb.plan.unauthenticated;
    case 'notFound':
      return nb.plan.notFound;
    case 'forbidden':
      return nb.plan.forbidden;
    case 'consentRequired':
      return nbAccess.connection.consentRequired;
    case 'membershipEnded':
      return nbAccess.connection.membershipEnded;
    case 'consentWithdrawn':
      return nbAccess.connection.consentWithdrawn;
    case 'tooManyConnections':
      return nbAccess.connection.tooManyConnections;
    case 'updateRefused':
      return nbAccess.connection.updateRefused;
    case 'other':
      return nb.plan.failed;
  }
}
