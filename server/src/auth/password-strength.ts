import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from './passwords';

/**
 * zxcvbn's score 3: about 10^8 guesses or more. Below it are the breached and common
 * passwords of its lists (the common one, mostly English, and the Italian one), keyboard
 * walks, repeats and sequences (OWASP ASVS 2.1.7).
 */
export const MIN_PASSWORD_SCORE = 3;
export const WEAK_PASSWORD_MESSAGE =
  'is too easy to guess (a common password, a word list entry or a simple pattern): choose a passphrase of several unrelated words';

type Estimate = (password: string, userInputs: string[]) => number;

/**
 * The word lists take 13 MB of heap and a quarter of a second to load: only when a password
 * is first set, not at every start.
 */
let estimator: Promise<Estimate> | undefined;
function loadEstimator(): Promise<Estimate> {
  estimator ??= (async () => {
    const [{ zxcvbn, zxcvbnOptions }, common, it] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-it'),
    ]);
    zxcvbnOptions.setOptions({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...it.dictionary },
      // Past 100 characters the estimate only gets slower (tens of ms), not different.
      maxLength: 100,
    });
    return (password, userInputs) => zxcvbn(password, userInputs).score;
  })();
  return estimator;
}

/** Whether a password is hard enough to guess; the user's own email and name count as known. */
export async function isHardToGuess(password: string, userInputs: string[] = []): Promise<boolean> {
  const estimate = await loadEstimator();
  // Word by word too: zxcvbn matches its user inputs as whole dictionary entries.
  const words = userInputs.flatMap((input) =>
    input
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3),
  );
  return estimate(password, [...userInputs, ...words]) >= MIN_PASSWORD_SCORE;
}

/** Refuses common, breached and patterned passwords; the body's email and name are user inputs. */
export function IsHardToGuess(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isHardToGuess',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: WEAK_PASSWORD_MESSAGE, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          // @IsString and @MinLength say what is wrong with those.
          if (typeof value !== 'string' || value.length < MIN_PASSWORD_LENGTH) return true;
          const body = args.object as Record<string, unknown>;
          const inputs = [body.email, body.fullName].filter(
            (v): v is string => typeof v === 'string',
          );
          return isHardToGuess(value, inputs);
        },
      },
    });
}
