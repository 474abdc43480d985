// The gateway's receiver for interactions. discord.js turns an INTERACTION_CREATE packet
// into an Interaction inside its websocket handler, before any listener of ours runs; a
// packet it cannot read (`options: 5` makes its option resolver throw "options is not
// iterable") becomes an unhandled rejection there. So the packet is checked with the same
// zod schema as the HTTP endpoint (inbound.ts) first, and discord.js's own construction
// runs inside a try: a bad packet is dropped with a debug line, and the bot keeps serving.
// A packet both accept goes on, as checked, to the dispatch the HTTP endpoint feeds too
// (interactions.ts), so both receivers behave the same.
//
// This wraps discord.js's internal `client.actions.InteractionCreate.handle` (present in
// v14; the packet handler calls nothing else). Should a later discord.js move it, the guard
// says so once in the log, packets are read from the client's raw events instead, and the
// process-level safety net (src/app/safety-net.ts) remains.
import { type Client, Events, type REST, Routes } from "discord.js";
import { firstIssue } from "../../lib/first-issue.ts";
import { type Interaction, interaction } from "./inbound.ts";
import type { DiscordLog } from "./log.ts";
import type { FirstResponse } from "./turns.ts";

interface InteractionAction {
  handle(data: unknown): unknown;
}

export function receiveGatewayInteractions(
  client: Client,
  log: DiscordLog,
  receive: (interaction: Interaction) => void,
): void {
  const check = (data: unknown) => {
    const checked = interaction.safeParse(data);
    if (checked.success) return checked.data;
    log.debug?.(`Discord: dropped a gateway interaction (${firstIssue(checked.error)}).`);
    return undefined;
  };
  const action = (client as unknown as { actions?: { InteractionCreate?: InteractionAction } })
    .actions?.InteractionCreate;
  if (typeof action?.handle !== "function") {
    log.info("Discord: gateway interactions are not checked (discord.js internals changed).");
    client.on(Events.Raw, (packet: { t?: unknown; d?: unknown }) => {
      const checked = packet.t === "INTERACTION_CREATE" ? check(packet.d) : undefined;
      if (checked) receive(checked);
    });
    return;
  }
  const handle = action.handle.bind(action);
  action.handle = (data: unknown) => {
    const checked = check(data);
    if (!checked) return undefined;
    let result: unknown;
    try {
      result = handle(data);
    } catch (error) {
      log.debug?.(
        `Discord: dropped a gateway interaction discord.js could not read (${String(error)}).`,
      );
      return undefined;
    }
    receive(checked);
    return result;
  };
}

/** On the gateway the first response is a REST callback (the interaction's token is its auth). */
export function callbackFor(rest: REST, received: Interaction): FirstResponse {
  return async (response) => {
    if (received.type === 1 || !received.id) {
      throw new Error("A gateway interaction arrived without its id.");
    }
    await rest.post(Routes.interactionCallback(received.id, received.token), {
      body: response,
      auth: false,
    });
  };
}
