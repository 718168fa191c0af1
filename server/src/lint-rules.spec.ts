import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The repository's lint rules that keep the packages apart and the promises awaited
 * (eslint.config.mjs), proved on snippets: each is linted as if it were the file at that
 * path, with the repository's own configuration. ESLint runs in a child process (its
 * configuration is an ES module, which Jest's module system does not load).
 */
interface Case {
  path: string;
  code: string;
  /** Linted with type information (only the promise rule needs it; it costs seconds). */
  typed?: boolean;
}

const ROOT = join(__dirname, '..', '..');

const LINT = `
import { ESLint } from 'eslint';
const typed = new ESLint({ cwd: process.cwd() });
const untyped = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});
const out = [];
for (const { path, code, typed: withTypes } of JSON.parse(process.env.LINT_CASES)) {
  const [result] = await (withTypes ? typed : untyped).lintText(code, { filePath: path });
  out.push(result.messages.map((m) => m.ruleId ?? m.message));
}
// Every package's sources have the promise rule, with their types (shared's proves it fires).
for (const path of ['server/src/main.ts', 'admin/src/App.tsx', 'shared/src/progress.ts']) {
  const config = await typed.calculateConfigForFile(path);
  out.push([
    config.rules['@typescript-eslint/no-floating-promises'][0] === 2 &&
    config.languageOptions.parserOptions.projectService === true
      ? 'typed'
      : 'untyped',
  ]);
}
console.log(JSON.stringify(out));
`;

/** The rules each snippet breaks, among those under test. */
function rulesBroken(cases: Case[]): string[][] {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', LINT], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LINT_CASES: JSON.stringify(cases) },
  });
  const watched = ['no-restricted-imports', '@typescript-eslint/no-floating-promises'];
  return (JSON.parse(stdout) as string[][]).map((rules) =>
    rules
      .filter((rule) => watched.includes(rule) || rule === 'typed' || !rule.includes('/'))
      .sort(),
  );
}

const imports = (...paths: string[]) =>
  paths.map((p, i) => `import { x${i} } from '${p}';\nexport const y${i} = x${i};`).join('\n');

describe('lint rules', () => {
  it('keep the packages apart and promises awaited', () => {
    const cases: Array<Case & { breaks: number; rule?: string }> = [
      // shared/ imports nothing of ours.
      {
        path: 'shared/src/progress.ts',
        code: imports(
          '@generattivi/server',
          '@generattivi/admin/src/App',
          '@generattivi/test/support/server',
          '../../server/src/pacts/pact.entity',
          '../../admin/src/App',
        ),
        breaks: 5,
      },
      { path: 'shared/src/progress.ts', code: imports('./enums', './dates'), breaks: 0 },
      // The admin never imports the server.
      {
        path: 'admin/src/App.tsx',
        code: imports('@generattivi/server', '../../server/src/pacts/pact.entity'),
        breaks: 2,
      },
      { path: 'admin/src/App.tsx', code: imports('@generattivi/shared', './common/x'), breaks: 0 },
      // Features never import demo/ or scale/; app.module.ts may import demo/ only.
      {
        path: 'server/src/pacts/pacts.service.ts',
        code: imports('../demo/demo-data', '../scale/scale-generator', '../../src/demo/x'),
        breaks: 3,
      },
      {
        path: 'server/src/common/list-query/list-query.ts',
        code: imports('../../demo/demo-data', '../input-limits'),
        breaks: 1,
      },
      {
        path: 'server/src/app.module.ts',
        code: imports('./demo/seed.module', './scale/scale-generator'),
        breaks: 1,
      },
      {
        path: 'server/src/demo/demo-loader.ts',
        code: imports('../scale/scale-generator', '../pacts/pact.entity'),
        breaks: 0,
      },
      // A promise neither awaited nor explicitly let go.
      {
        path: 'shared/src/progress.ts',
        code: 'export function g(p: Promise<void>) {\n  p.then(() => 1);\n}\n',
        breaks: 1,
        rule: '@typescript-eslint/no-floating-promises',
        typed: true,
      },
      {
        path: 'shared/src/progress.ts',
        code: 'export async function f() {}\nexport function g() {\n  void f();\n}\n',
        breaks: 0,
        typed: true,
      },
    ];
    const broken = rulesBroken(cases);
    expect(broken).toEqual([
      ...cases.map(({ breaks, rule }) =>
        Array<string>(breaks).fill(rule ?? 'no-restricted-imports'),
      ),
      ['typed'],
      ['typed'],
      ['typed'],
    ]);
  }, 120_000);
});
