import { whenIdle } from './common/whenIdle';

/**
 * Registers the service worker the build writes (sw.js): it keeps the built admin, so that
 * after one visit the app opens without network. /api is never answered by it. Called once
 * the admin itself has arrived, when the browser is idle: on a weak network the worker's
 * downloads do not compete with the first screen.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without it the admin works as before, from the network.
    });
  };
  whenIdle(register);
}
