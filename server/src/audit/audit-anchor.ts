import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { canonicalJson } from '../common/canonical-json';
import { hmacHex } from './audit-keys';

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
}
