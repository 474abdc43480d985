// The gateway's edge. discord.js turns an INTERACTION_CREATE packet into an Interaction
// inside its websocket handler, before any listener of ours runs; a packet it cannot read
// (`options: 5` makes its option resolver throw "options is not iterable") becomes an
// unhandled rejection there. So the packet is checked with the same zod schema as the HTTP
// endpoint (inbound.ts) first, and discord.js's own construction runs inside a try: a bad
// packet is dropped with a debug line, and the bot keeps serving.
//
// This wraps discord.js's internal `client.actions.InteractionCreate.handle` (present in
// v14; the packet handler calls nothing else). Should a later discord.js move it, the guard
// says so once in the log and the process-level safety net (src/app/safety-net.ts) remains.
import type { Client } from "discord.js";
import { firstIssue } from "../../lib/first-issue.ts";
import type { DiscordLog } from "./core.ts";
import { interaction } from "./inbound.ts";

interface InteractionAction {
  handle(data: unknown): unknown;
}

export function guardGatewayInteractions(client: Client, log: DiscordLog): void {
  const action = (client as unknown as { actions?: { InteractionCreate?: InteractionAction } })
    .actions?.InteractionCreate;
  if (typeof action?.handle !== "function") {
    log.info("Discord: gateway interactions are not checked (discord.js internals changed).");
    return;
  }
  const handle = action.handle.bind(action);
  action.handle = (data: unknown) => {
    const checked = interaction.safeParse(data);
    if (!checked.success) {
      log.debug?.(`Discord: dropped a gateway interaction (${firstIssue(checked.error)}).`);
      return undefined;
    }
    try {
      return handle(data);
    } catch (error) {
      log.debug?.(
        `Discord: dropped a gateway interaction discord.js could not read (${String(error)}).`,
      );
      return undefined;
    }
  };
}
