import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import { diffChanges, eventHash } from '../audit/audit.service';
import type { ScaleSink } from './scale-sink';

/** Events checked against the server's own functions before trusting the fast path. */
const CROSS_CHECKED = 5_000;

/**
 * `canonicalJson(diffChanges(undefined, record))` for a record of primitives and arrays,
 * without building the intermediate objects: `{"field":[null,value],…}` in key order.
 */
function creationChanges(record: Record<string, unknown>): string {
  const keys = Object.keys(record)
    .filter((k) => record[k] !== null && record[k] !== undefined)
    .sort();
  let out = '{';
  for (const k of keys) {
    if (out.length > 1) out += ',';
    const v = record[k];
    out += `${JSON.stringify(k)}:[null,${typeof v === 'object' ? canonicalJson(v) : JSON.stringify(v)}]`;
  }
  return out + '}';
}

/**
 * The audit trail of the scale data: one `create` event per record, chained exactly as
 * AuditService.append chains them (same canonical changes, same hash), continuing from the
 * last event already in the database. Millions of events make `canonicalJson` the hot spot,
 * so the text is built directly; the first events are cross-checked against the server's
 * `diffChanges` and `eventHash`, and the seed stops if they ever differ.
 */
export class ScaleAuditTrail {
  private checked = 0;

  constructor(
    private readonly sink: ScaleSink,
    private nextId: number,
    private prevHash: string,
  ) {}

  get written(): number {
    return this.nextId - 1;
  }

  create(
    at: string,
    actorId: number | null,
    entityType: string,
    entityId: number,
    record: object,
  ): void {
    const changes = creationChanges(record as Record<string, unknown>);
    // canonicalJson of {at, actorId, action, entityType, entityId, changes}: keys sorted,
    // every value a primitive.
    const payload = `{"action":"create","actorId":${JSON.stringify(actorId)},"at":${JSON.stringify(at)},"changes":${JSON.stringify(changes)},"entityId":${JSON.stringify(entityId)},"entityType":${JSON.stringify(entityType)}}`;
    const hash = createHash('sha256')
      .update(this.prevHash)
      .update('\n')
      .update(payload)
      .digest('hex');
    const event = {
      id: this.nextId++,
      at,
      actorId,
      action: 'create',
      entityType,
      entityId,
      changes,
      prevHash: this.prevHash,
      hash,
    };
    if (this.checked < CROSS_CHECKED) {
      this.checked++;
      const expected = canonicalJson(diffChanges(undefined, record));
      if (expected !== changes || eventHash(event.prevHash, event) !== hash) {
        throw new Error(
          `the scale audit trail no longer matches AuditService (event ${event.id}, ${entityType})`,
        );
      }
    }
    this.prevHash = hash;
    this.sink.add('audit_events', event);
  }
}
