import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS } from '@generattivi/shared';

/** Every `.ts` file under `dir`, but the tests. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('audit actions', () => {
  const code = sources(join(__dirname, '..')).map((file) => readFileSync(file, 'utf8'));
  /** `action: 'x'`, `action = 'x'` and the actions a parameter may take (`'assign' | 'hand_over'`). */
  const written = new Set(
    code.flatMap((text) => [
      ...[...text.matchAll(/\baction(?:: \w+)?\s*[:=]\s*'(\w+)'/g)].map((m) => m[1]),
      ...[...text.matchAll(/\baction: ((?:'\w+'(?: \| )?)+)/g)].flatMap((m) =>
        [...m[1].matchAll(/'(\w+)'/g)].map((v) => v[1]),
      ),
      ...[...text.matchAll(/\?\s*'(\w+)'\s*:\s*'(\w+)'/g)]
        .filter((m) => /action/.test(text.slice(Math.max(0, m.index - 40), m.index)))
        .flatMap((m) => [m[1], m[2]]),
      ...[...text.matchAll(/"action":"(\w+)"/g)].map((m) => m[1]),
    ]),
  );

  it('finds the actions the server writes', () => {
    for (const action of ['create', 'update', 'delete', 'role_change', 'hand_over', 'login_failed'])
      expect(written).toContain(action);
  });

  it('writes only actions of the closed list the admin words', () => {
    expect([...written].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual(
      [],
    );
  });
});
