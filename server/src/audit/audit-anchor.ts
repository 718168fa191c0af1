import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DataSource, In } from 'typeorm';
import { canonicalJson } from '../common/canonical-json';
import { yieldToEventLoop } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { hmacHex } from './audit-keys';

/** Anchored heads looked up per query. */
const ANCHOR_CHUNK = 500;

/** Why the chain disagrees with its anchor. */
export interface AnchorMismatch {
  reason: 'ANCHOR_ALTERED' | 'ANCHORED_EVENT_ALTERED' | 'TAIL_REMOVED';
  firstInvalidId?: number;
}

/** A head of the chain as anchored: its event, hash and time. */
export interface AnchoredHead {
  id: number;
  hash: string;
  at: string;
}

export interface AnchorReading {
  /** The anchored heads, in the file's order. */
  heads: AnchoredHead[];
  /** The 1-based number of the first line whose HMAC does not match (edited by hand). */
  alteredLine?: number;
}

/**
 * The chain's anchor outside the database: an append-only file (AUDIT_ANCHOR_PATH), a JSON
 * line per checkpoint of the head with an HMAC of the line under a key derived from
 * AUDIT_KEY. Whoever rewrites the database cannot rewrite what the anchor already holds;
 * verify compares the chain with every anchored head.
 */
export class AuditAnchor {
  /** The last head this process read in, or wrote to, the anchor. */
  private last: AnchoredHead | undefined;

  constructor(
    readonly path: string,
    private readonly key: Buffer,
  ) {}

  private mac(head: AnchoredHead): string {
    return hmacHex(this.key, canonicalJson({ id: head.id, hash: head.hash, at: head.at }));
  }

  /** Appends a line and waits until it is on disk (O_APPEND, fsync). */
  async append(head: AnchoredHead): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const file = await open(this.path, 'a', 0o600);
    try {
      const line = { id: head.id, hash: head.hash, at: head.at, mac: this.mac(head) };
      await file.write(JSON.stringify(line) + '\n');
      await file.sync();
    } finally {
      await file.close();
    }
  }

  async read(): Promise<AnchorReading> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { heads: [] };
      throw e;
    }
    const heads: AnchoredHead[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      let line: Partial<AnchoredHead & { mac: string }> = {};
      try {
        line = JSON.parse(lines[i]) as typeof line;
      } catch {
        // an unreadable line is an altered one
      }
      const head = { id: Number(line.id), hash: String(line.hash), at: String(line.at) };
      if (!Number.isInteger(head.id) || line.mac !== this.mac(head)) {
        return { heads, alteredLine: i + 1 };
      }
      heads.push(head);
    }
    return { heads };
  }

  /**
   * Every anchored head must still be in the chain with the hash anchored; the chain must not
   * end before the last of them (its `head`). Looked up a chunk at a time, with a turn of the
   * event loop between chunks. Gives why not, or undefined when the chain agrees.
   */
  async compare(
    dataSource: DataSource,
    head: AnchoredHead | undefined,
  ): Promise<AnchorMismatch | undefined> {
    const { heads, alteredLine } = await this.read();
    if (alteredLine !== undefined) return { reason: 'ANCHOR_ALTERED' };
    this.last = heads.at(-1);
    const sorted = [...heads].sort((a, b) => a.id - b.id);
    for (let i = 0; i < sorted.length; i += ANCHOR_CHUNK) {
      await yieldToEventLoop();
      const chunk = sorted.slice(i, i + ANCHOR_CHUNK);
      const found = await dataSource.getRepository(AuditEvent).find({
        select: { id: true, hash: true },
        where: { id: In(chunk.map((h) => h.id)) },
      });
      const hashes = new Map(found.map((e) => [e.id, e.hash]));
      for (const anchored of chunk) {
        const hash = hashes.get(anchored.id);
        if (hash === anchored.hash) continue;
        const removed = hash === undefined && (!head || anchored.id > head.id);
        return {
          reason: removed ? 'TAIL_REMOVED' : 'ANCHORED_EVENT_ALTERED',
          firstInvalidId: anchored.id,
        };
      }
    }
    return undefined;
  }

  /** Anchors `head` unless the anchor already holds it or a later one. */
  async record(head: AnchoredHead): Promise<void> {
    if (this.last && this.last.id >= head.id) return;
    await this.append(head);
    this.last = head;
  }
}
