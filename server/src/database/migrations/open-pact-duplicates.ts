import type { QueryRunner } from 'typeorm';

/**
 * Before the one-open-pact indexes are built: pacts that break the rule (written before the
 * database enforced it) stop the migration with a sentence naming them. Which one stays open
 * is a decision for a person, not for a migration.
 */
export async function refuseOpenPactDuplicates(queryRunner: QueryRunner): Promise<void> {
  const rows = (await queryRunner.query(
    `SELECT "type", "subject", COUNT(*) AS "n", MIN("reference") AS "first", MAX("reference") AS "last"
       FROM (SELECT "type", "reference",
                    CASE WHEN "type" = 'AUTONOMY' THEN "beneficiary_id" ELSE "household_id" END AS "subject"
               FROM "pacts"
              WHERE "status" IN ('DRAFT', 'SUBMITTED', 'ACTIVE', 'SUSPENDED')) AS "open"
      WHERE "subject" IS NOT NULL
      GROUP BY "type", "subject"
     HAVING COUNT(*) > 1
      ORDER BY "type", "subject"`,
  )) as Array<{ type: string; subject: number; n: number | string; first: string; last: string }>;
  if (rows.length === 0) return;
  const list = rows
    .slice(0, 20)
    .map(
      (r) =>
        `${r.type === 'AUTONOMY' ? 'beneficiary' : 'household'} ${r.subject}: ${Number(r.n)} open ${r.type} pacts (${r.first} … ${r.last})`,
    )
    .join('; ');
  throw new Error(
    `cannot enforce one open pact of a type per beneficiary (AUTONOMY) or household (INCLUSION): ${rows.length} break it (${list}${rows.length > 20 ? '; …' : ''}). Cancel all but one open pact of each, then start the server again.`,
  );
}
