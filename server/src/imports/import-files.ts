import type { EntityManager } from 'typeorm';
import { ImportJob } from './import-job.entity';

/** Days a finished import keeps its file and its row-by-row report (to fix and upload again). */
export const IMPORT_FILE_DAYS = 7;

/**
 * Erases the uploaded files and the row-by-row reports of finished imports (those finished
 * before `finishedBefore`, or all of them): they hold people's data. The job keeps its
 * totals; its report then answers 409 IMPORT_FILE_ERASED. Queued and running imports keep
 * theirs until they finish.
 */
export async function eraseImportFiles(tx: EntityManager, finishedBefore?: string) {
  const qb = tx
    .createQueryBuilder()
    .update(ImportJob)
    .set({ content: '', results: null })
    .where('status IN (:...finished)', { finished: ['DONE', 'FAILED'] })
    .andWhere("content <> ''");
  if (finishedBefore) qb.andWhere('finished_at < :finishedBefore', { finishedBefore });
  return (await qb.execute()).affected ?? 0;
}
