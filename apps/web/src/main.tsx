// The entry script is kept tiny: it sends the requests this address needs and fetches the code for it in
// parallel, then hands over to the app. Everything React lives in the chunks it imports.
import { earlyRequests } from './api/earlyRequests.ts';
import { EarlySocket } from './collab/earlySocket.ts';
import { isLogoutPending } from './offline/pendingLogout.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { matchRoute } from './routing/routes.ts';
import './styles/app.css';

const route = matchRoute(window.location.pathname);
// After a logout made offline, nothing is asked as the old session before the app has ended it (SessionContext).
if (!isLogoutPending()) {
  earlyRequests.startMe();
  if (route.name === 'plan') {
    earlyRequests.startPlan(route.planId);
    EarlySocket.open(route.planId);
    void import('./plan/PlanPage.tsx');
    const { planId } = route;
    void import('./collab/earlyConnection.ts').then(({ openPlanEarly }) => openPlanEarly(planId));
  }
}
void import('./app/renderApp.tsx').then(({ renderApp }) => renderApp());
registerServiceWorker();
