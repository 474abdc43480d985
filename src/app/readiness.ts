// What GET /readyz asks: the index is loaded (serving: and the chat adapters are up, see
// run.ts) and the store answers (within a second, so a Redis that hangs reads as not ready
// rather than a probe that never returns). The HTTP server listens during the load, so an
// orchestrator sees 503 there, then 200.
import type { Store } from "../store/index.ts";

/** How long the store may take to answer the probe. Defaults to 1 s. */
export const STORE_PROBE_MS = 1000;
const PROBE_KEY = "readyz:probe";

export interface Readiness {
  indexLoaded(): void;
  check(): Promise<boolean>;
}

export function createReadiness(store: Store, probeMs = STORE_PROBE_MS): Readiness {
  let loaded = false;
  return {
    indexLoaded() {
      loaded = true;
    },
    async check() {
      if (!loaded) return false;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(resolve, probeMs, false);
      });
      const answered = store.atomic.get(PROBE_KEY).then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([answered, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
