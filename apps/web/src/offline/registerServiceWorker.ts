/**
 * Registers the service worker (/sw.js, built from apps/web/sw) that keeps the app shell for opening Samplan
 * offline. Only in the production build (the dev server has no /sw.js), and only once the page has loaded and the
 * browser is idle: the worker then downloads the whole shell, which must not compete with opening the page.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = (): void => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  const whenIdle = (): void => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 1000);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
