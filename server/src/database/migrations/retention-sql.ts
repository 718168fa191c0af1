/**
 * The SQL both engines' Retention migrations share: how a person's retention dates follow
 * from the pacts naming them, and when a diary note may be rewritten.
 */

/** The body an erased diary note keeps (the note itself stays, so that counts hold). */
export const ERASED_NOTE_BODY = 'testo cancellato';

/** The statuses of an open pact, as an SQL list. */
export const OPEN = "('DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED')";

/**
 * The pacts `p` of the person in the row of `person`: those naming them (AUTONOMY, or the
 * reference person of an INCLUSION pact) and those of their household.
 */
export const PACTS_OF = (person: string): string =>
  `(p."beneficiary_id" = ${person}."id" OR (${person}."household_id" IS NOT NULL AND p."household_id" = ${person}."household_id"))`;

/** The day a closed pact closed (UTC), for older rows without `closed_at` its last change. */
const LAST_CLOSED = `(SELECT MAX(substr(COALESCE(p."closed_at", p."updated_at"), 1, 10)) FROM "pacts" p
   WHERE ${PACTS_OF('"beneficiaries"')} AND p."status" NOT IN ${OPEN})`;

/**
 * Recomputes `last_pact_closed_on` and `retention_from` of the beneficiaries `where` selects:
 * the term runs from the last of their pacts' closing (PACTS_OF: theirs and their
 * household's), or from the person's creation when they have none; there is none while a
 * pact of theirs is open, nor once they are anonymised. Reads only those people's pacts
 * (indexes on `pacts.beneficiary_id` and `pacts.household_id`).
 */
export const refreshRetention = (where: string): string =>
  `UPDATE "beneficiaries" SET
     "last_pact_closed_on" = ${LAST_CLOSED},
     "retention_from" = CASE
       WHEN "anonymised_at" IS NOT NULL THEN NULL
       WHEN EXISTS (SELECT 1 FROM "pacts" p WHERE ${PACTS_OF('"beneficiaries"')} AND p."status" IN ${OPEN}) THEN NULL
       ELSE COALESCE(${LAST_CLOSED}, substr("created_at", 1, 10))
     END
   WHERE ${where}`;

/** An open pact (`row` is NEW) naming an anonymised person: the database refuses it. */
export const opensPactOfAnonymised = (row: string, lock = ''): string =>
  `${row}."beneficiary_id" IS NOT NULL AND ${row}."status" IN ${OPEN} AND EXISTS (
     SELECT 1 FROM "beneficiaries" b WHERE b."id" = ${row}."beneficiary_id" AND b."anonymised_at" IS NOT NULL ${lock})`;

export const ANONYMISED_REFUSAL =
  'beneficiary_anonymised: the person was anonymised and can have no open pact';

/**
 * The people a pact's row (`row`: NEW or OLD) concerns, for the triggers: the person it names
 * and the members of its household.
 */
export const CONCERNED = (row: string): string =>
  `("id" = ${row}."beneficiary_id" OR "household_id" = ${row}."household_id")`;

/**
 * The one change a diary note takes: its body replaced by ERASED_NOTE_BODY, every other column
 * as it was, on a pact of an anonymised person (PACTS_OF).
 */
export const NOTE_ERASURE = `NEW."body" = '${ERASED_NOTE_BODY}'
  AND NEW."id" = OLD."id" AND NEW."pact_id" = OLD."pact_id" AND NEW."author_id" = OLD."author_id"
  AND NEW."kind" = OLD."kind" AND NEW."occurred_at" = OLD."occurred_at"
  AND NEW."created_at" = OLD."created_at" AND NEW."updated_at" = OLD."updated_at"
  AND EXISTS (SELECT 1 FROM "pacts" p JOIN "beneficiaries" b ON ${PACTS_OF('b')}
              WHERE p."id" = NEW."pact_id" AND b."anonymised_at" IS NOT NULL)`;
