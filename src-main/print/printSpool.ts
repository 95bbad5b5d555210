import crypto from 'node:crypto';

interface Spooled {
  pdf: Uint8Array;
  fileName: string;
  timer: NodeJS.Timeout;
}

/**
 * Printed documents waiting for the browser's viewer or the desktop preview window. They are
 * kept in memory only — a paper copy's PDF is personal data, and a temporary file could be left
 * behind by a crash — and forgotten (their bytes overwritten) after a while.
 */
export class PrintSpool {
  private readonly documents = new Map<string, Spooled>();

  constructor(
    private readonly keepMs = 15 * 60_000,
    /** A batch can be tens of megabytes: only the latest few documents are kept. */
    private readonly maxDocuments = 8,
  ) {}

  /** Keeps a document (forgetting the oldest beyond the limit); answers the unguessable id it is fetched by. */
  put(pdf: Uint8Array, fileName: string): string {
    while (this.documents.size >= this.maxDocuments) {
      const oldest = this.documents.keys().next().value;
      if (oldest === undefined) break;
      this.release(oldest);
    }
    const id = crypto.randomBytes(16).toString('hex');
    const timer = setTimeout(() => this.release(id), this.keepMs);
    timer.unref();
    this.documents.set(id, { pdf, fileName, timer });
    return id;
  }

  get(id: string): { pdf: Uint8Array; fileName: string } | null {
    const found = this.documents.get(id);
    return found ? { pdf: found.pdf, fileName: found.fileName } : null;
  }

  release(id: string): void {
    const found = this.documents.get(id);
    if (!found) return;
    clearTimeout(found.timer);
    found.pdf.fill(0);
    this.documents.delete(id);
  }

  clear(): void {
    for (const id of [...this.documents.keys()]) this.release(id);
  }

  get size(): number {
    return this.documents.size;
  }
}
