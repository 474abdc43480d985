// A Discord adapter's HTTP interactions listener served on a loopback port, as Discord's
// servers would reach it: the URL to POST signed interactions to, and how to close it.
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

export interface InteractionsServer {
  url: string;
  close(): Promise<void>;
}

export async function serveInteractions(listener: RequestListener): Promise<InteractionsServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
