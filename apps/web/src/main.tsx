// The entry script is kept tiny: it sends the requests this address needs and fetches the code for it in
// parallel, then hands over to the app. Everything React lives in the chunks it imports.
import { earlyRequests } from './api/earlyRequests.ts';
import { EarlySocket } from './collab/earlySocket.ts';
import { isLogoutPending } from './offline/pendingLogout.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { matchRoute } from './routing/routes.ts';
import './styles/app.css';

const route = matchRoute(window.location.pathname);
/** What React's first render waits for besides the app itself. */
let firstPage: Promise<unknown> = Promise.resolve();
// After a logout made offline, nothing is asked as the old session before the app has ended it (SessionContext).
if (!isLogoutPending()) {
  earlyRequests.startMe();
  if (route.name === 'plan') {
    earlyRequests.startPlan(route.planId);
    EarlySocket.open(route.planId);
    // The first render is the plan page itself, rather than a spinner rendered, laid out and painted first (a load
    // that fails renders the app all the same, which says so).
    const { planId } = route;
    // The plan's connection is made (taking the socket over) before the page renders, which claims it: a page that
    // rendered first would open a second socket and drop this one (seen on a busy machine). The page needs that
    // code anyway.
    firstPage = Promise.all([
      import('./plan/PlanPage.tsx'),
      import('./collab/earlyConnection.ts').then(({ openPlanEarly }) => openPlanEarly(planId)),
    ]).catch(() => undefined);
  }
}
void Promise.all([import('./app/renderApp.tsx'), firstPage]).then(([{ renderApp }]) => renderApp());
registerServiceWorker();
