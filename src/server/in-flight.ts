// Counts work that is still running so shutdown can wait for it instead of cutting it off.
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Registers the promise and returns it; it is forgotten once settled. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once everything tracked so far (and anything started meanwhile) has settled. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
