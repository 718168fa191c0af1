import { isHardToGuess } from './password-strength';

describe('isHardToGuess', () => {
  it.each([' '.repeat(12), 'aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', 'Password1234!'])(
    'refuses %j (common, breached or a pattern, however long)',
    async (password) => expect(await isHardToGuess(password)).toBe(false),
  );

  it.each(['Trattore-Rosso-Sul-Colle-42', 'mela verde sotto il ponte'])(
    'accepts the passphrase %j',
    async (password) => expect(await isHardToGuess(password)).toBe(true),
  );

  it("counts the user's own name and email as known words", async () => {
    const password = 'lucabertolotti';
    expect(await isHardToGuess(password)).toBe(true);
    expect(
      await isHardToGuess(password, ['l.bertolotti@comune.crema.cr.it', 'Luca Bertolotti']),
    ).toBe(false);
  });
});
