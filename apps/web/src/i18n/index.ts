export { nb, type Texts } from './nb.ts';
export { nbAccess } from './access.ts';
export { nbCaseload } from './caseload.ts';
export { nbNotifications } from './notifications.ts';
export { formatDate, formatDateLong, formatDateTime, todayIso } from './formatDate.ts';
export { formatDay, formatTime } from './formatTime.ts';
export { parseNorwegianDate } from './parseDate.ts';
export { nbHistory } from './history.ts';
export { nbOffline } from './offline.ts';
