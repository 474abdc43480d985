import { connect, type Socket } from "node:net";
import { startFakeSlackApi } from "../test/fakes/slack-api.ts";
import { slashCommand, startReplica } from "../test/integration/slack-replicas.ts";

const fake = await startFakeSlackApi();
const r = await startReplica({ apiUrl: fake.apiUrl, redisUrl: "redis://127.0.0.1:6379" });
const port = Number(new URL(r.base).port);
const N = Number(process.env.N ?? 130);
const socks = await Promise.all(
  Array.from(
    { length: N },
    () =>
      new Promise<Socket>((res) => {
        const s = connect({ port, host: "127.0.0.1", noDelay: true }, () => res(s));
      }),
  ),
);
for (let round = 0; round < Number(process.env.ROUNDS ?? 20); round++) {
  const bodies = socks.map((_, i) => {
    const d = slashCommand(
      process.env.TEXT ?? `ask why does distribution win ${i}`,
      `id${round}-${i}`,
      fake.responseUrl(""),
      { userId: `U${i}`, channelId: "C1" },
    );
    const b = Buffer.from(d.body);
    const h = Object.entries({ ...d.headers, "content-length": String(b.length) })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    return Buffer.concat([Buffer.from(`POST /slack/events HTTP/1.1\r\nhost: x\r\n${h}\r\n`), b]);
  });
  const t0 = performance.now();
  const lat = await Promise.all(
    socks.map(
      (s, i) =>
        new Promise<number>((res) => {
          s.once("data", () => res(performance.now() - t0));
          s.write(bodies[i]!);
        }),
    ),
  );
  lat.sort((a, b) => a - b);
  console.log(
    `round ${round}: p50 ${lat[N >> 1]!.toFixed(1)} p99 ${lat[Math.ceil(N * 0.99) - 1]!.toFixed(1)} max ${lat[N - 1]!.toFixed(1)}`,
  );
  await new Promise((res) => setTimeout(res, Number(process.env.GAP ?? 1500)));
}
await r.stop();
await fake.close();
process.exit(0);
