/**
 * The worker thread of the SQLite scale seed: writes the batches the generator posts (see
 * SqliteSink) and answers each message once it is done, or with the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteWriter, type ScaleTable, type TableShapes } from './scale-sink';

const { path, shapes } = workerData as { path: string; shapes: TableShapes };
const writer = new SqliteWriter(path, shapes);

parentPort!.on(
  'message',
  (m: { type: 'write'; batch: Array<[ScaleTable, unknown[][]]> } | { type: 'finish' }) => {
    try {
      if (m.type === 'write') writer.write(m.batch);
      else {
        writer.finish();
        writer.close();
      }
      parentPort!.postMessage({});
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  },
);
