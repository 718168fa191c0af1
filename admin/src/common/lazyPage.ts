import { lazy, type ComponentType } from 'react';

/**
 * A page loaded when first opened (react-admin's Layout shows a spinner meanwhile): the
 * first screen downloads the shell, the menu and the home of the role, not every list and
 * form (initial JS under 400 KB gzip; `node admin/scripts/initial-size.mjs` measures it).
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
