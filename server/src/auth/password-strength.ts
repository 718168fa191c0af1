import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as it from '@zxcvbn-ts/language-it';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from './passwords';

/**
 * zxcvbn's score 3: about 10^8 guesses or more. Below it are the common and breached
 * passwords of its Italian and English lists, keyboard walks, repeats and sequences
 * (OWASP ASVS 2.1.7).
 */
export const MIN_PASSWORD_SCORE = 3;
export const WEAK_PASSWORD_MESSAGE =
  'is too easy to guess (a common password, a word list entry or a simple pattern): choose a passphrase of several unrelated words';

let ready = false;
function setUp(): void {
  if (ready) return;
  zxcvbnOptions.setOptions({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...it.dictionary, ...en.dictionary },
    // Past 100 characters the estimate only gets slower (tens of ms), not different.
    maxLength: 100,
  });
  ready = true;
}

/** Whether a password is hard enough to guess; the user's own email and name count as known. */
export function isHardToGuess(password: string, userInputs: string[] = []): boolean {
  setUp();
  // Word by word: zxcvbn matches its user inputs as whole dictionary entries.
  const words = userInputs.flatMap((input) =>
    input
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3),
  );
  return zxcvbn(password, [...userInputs, ...words]).score >= MIN_PASSWORD_SCORE;
}

/** Refuses common, breached and patterned passwords; other fields of the body are user inputs. */
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
