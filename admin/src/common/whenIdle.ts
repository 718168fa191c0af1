/**
 * Runs `task` once the browser is idle (at the latest after `timeout` ms), so that what it
 * fetches does not compete with what the person is looking at; a second later where the
 * browser cannot tell.
 */
export function whenIdle(task: () => void, timeout = 5000): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout });
  else setTimeout(task, 1000);
}
