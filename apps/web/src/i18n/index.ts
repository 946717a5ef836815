export { nb, type Texts } from './nb.ts';
export { formatDate, formatDateLong, formatDateTime, todayIso } from './formatDate.ts';
export { parseNorwegianDate } from './parseDate.ts';
