import crypto from 'node:crypto';

interface Spooled {
  pdf: Uint8Array;
  fileName: string;
  timer: NodeJS.Timeout;
}

interface Ticket {
  documentId: string;
  /** SHA-256 of the ticket: compared in constant time, never kept in the clear. */
  digest: Buffer;
  expiresAt: number;
}

/** A ticket opens its document once, within this time (the tab opens it at once). */
export const ticketLifetimeMs = 60_000;
/** Tickets not yet used, per document: a few clicks on "Open again" / "Save PDF" at most. */
const maxTicketsPerDocument = 8;

const digestOf = (ticket: string): Buffer => crypto.createHash('sha256').update(ticket, 'utf8').digest();

/**
 * Printed documents waiting for the browser's viewer or the desktop preview window. They are
 * kept in memory only — a paper copy's PDF is personal data, and a temporary file could be left
 * behind by a crash — and forgotten (their bytes overwritten) after a while, and at once when the
 * operator signs out or the workstation locks (the backend clears the spool on `session.changed`).
 *
 * Browser mode fetches a document with a single-use ticket ({@link ticket}, {@link redeem}):
 * a new tab cannot carry the API token, so the page asks the API (token required) for a ticket
 * and opens `/print/<id>.pdf?ticket=…`; the address left in the browser's history opens nothing.
 */
export class PrintSpool {
  private readonly documents = new Map<string, Spooled>();
  private tickets: Ticket[] = [];

  constructor(
    private readonly keepMs = 15 * 60_000,
    /** A batch can be tens of megabytes: only the latest few documents are kept. */
    private readonly maxDocuments = 8,
    private readonly now: () => number = () => Date.now(),
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

  /** The document itself, for the desktop preview window (its own `bala://` scheme, no network). */
  get(id: string): { pdf: Uint8Array; fileName: string } | null {
    const found = this.documents.get(id);
    return found ? { pdf: found.pdf, fileName: found.fileName } : null;
  }

  /** A new single-use ticket for a held document (null when it is gone): 256 random bits, valid {@link ticketLifetimeMs}. */
  ticket(id: string): string | null {
    if (!this.documents.has(id)) return null;
    this.dropExpired();
    const mine = this.tickets.filter((ticket) => ticket.documentId === id);
    if (mine.length >= maxTicketsPerDocument) this.tickets.splice(this.tickets.indexOf(mine[0] as Ticket), 1);
    const ticket = crypto.randomBytes(32).toString('base64url');
    this.tickets.push({ documentId: id, digest: digestOf(ticket), expiresAt: this.now() + ticketLifetimeMs });
    return ticket;
  }

  /** Uses up a ticket: the document when the ticket is one of this document's, unused and unexpired; else null. */
  redeem(id: string, ticket: string): { pdf: Uint8Array; fileName: string } | null {
    this.dropExpired();
    const digest = digestOf(ticket);
    // Every held ticket is compared, in constant time, whatever matched before.
    let matched = -1;
    this.tickets.forEach((held, index) => {
      if (crypto.timingSafeEqual(held.digest, digest) && held.documentId === id) matched = index;
    });
    if (matched < 0) return null;
    this.tickets.splice(matched, 1);
    return this.get(id);
  }

  release(id: string): void {
    this.tickets = this.tickets.filter((ticket) => ticket.documentId !== id);
    const found = this.documents.get(id);
    if (!found) return;
    clearTimeout(found.timer);
    found.pdf.fill(0);
    this.documents.delete(id);
  }

  /** Forgets every document (bytes overwritten with zeros) and every ticket: sign-out, lock, shutdown. */
  clear(): void {
    for (const id of [...this.documents.keys()]) this.release(id);
    this.tickets = [];
  }

  get size(): number {
    return this.documents.size;
  }

  private dropExpired(): void {
    const now = this.now();
    this.tickets = this.tickets.filter((ticket) => ticket.expiresAt > now);
  }
}
