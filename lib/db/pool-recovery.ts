/**
 * postgres.js 3.4.9 loses a pool connection when the server ends a backend under a transaction
 * (porsager/postgres#1154, #1208): its own ROLLBACK is written to the closed socket from a setImmediate, which
 * throws `TypeError: Cannot read properties of null (reading 'write')` outside any promise and leaves that
 * connection's write timer set, so every later query routed to it waits forever. After a few such errors the
 * whole pool hangs and only a restart helped. A pool that shows the error is replaced: new requests get a fresh
 * pool at once, and the old one is ended after a grace period (its stuck queries then fail instead of hanging).
 */

/** The driver's lost-socket write, recognised by its message and the file that threw it. */
function isLostSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError && error.message.includes("reading 'write'") && /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? "")
  );
}

type Closable = { close: () => Promise<void> };

/**
 * Holds the current pool of a server database and replaces it when the driver throws its lost-socket error.
 * Listens on `uncaughtExceptionMonitor`, so the process's own handling of the error (Next.js logs it and goes on)
 * is unchanged.
 */
export class RecoveringPool<H extends Closable> {
  private current: Promise<H>;
  private replacements = 0;
  private readonly listener = (error: unknown) => {
    if (isLostSocketWrite(error)) this.replace();
  };

  constructor(
    private readonly open: () => Promise<H>,
    private readonly graceMs = 5_000,
  ) {
    this.current = open();
    process.on("uncaughtExceptionMonitor", this.listener);
  }

  get(): Promise<H> {
    return this.current;
  }

  /** How many times the pool was replaced (for logs and tests). */
  get replaced(): number {
    return this.replacements;
  }

  replace(): void {
    const old = this.current;
    this.replacements += 1;
    this.current = this.open();
    console.error(`[db] a pool connection was lost by the driver; the pool was replaced (${this.replacements} so far)`);
    const timer = setTimeout(() => void old.then((h) => h.close()).catch(() => {}), this.graceMs);
    timer.unref();
  }

  async close(): Promise<void> {
    process.off("uncaughtExceptionMonitor", this.listener);
    await (await this.current).close();
  }
}
