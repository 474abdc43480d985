// Which bot token answers a workspace. With SLACK_BOT_TOKEN there is one workspace and one
// client. With OAuth (many workspaces) each team's token comes from its installation in the
// store; Bolt resolves it for requests (App `authorize`), and this resolves it where no
// request is at hand: the digest posting to a subscribed channel.

import { webApi } from "@slack/bolt";
import type { InstallProvider } from "@slack/oauth";
import type { SlackClient } from "./deps.ts";

export interface SlackWorkspace {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
}

export type ClientFor = (workspace: SlackWorkspace) => Promise<SlackClient>;

/** One workspace: every team is answered with the one client. */
export function singleTokenClients(client: SlackClient): ClientFor {
  return async () => client;
}

/** How many per-token clients are kept; each holds a small connection pool. Defaults to 500. */
const CLIENTS_KEPT = 500;

/** Many workspaces: the team's installation gives the token; clients are reused per token. */
export function installedClients(
  installer: InstallProvider,
  clientOptions: { slackApiUrl?: string },
): ClientFor {
  const clients = new Map<string, SlackClient>();
  return async (workspace) => {
    if (!workspace.teamId && !workspace.enterpriseId) {
      throw new Error("This Slack channel has no workspace on record, so no token can post to it.");
    }
    const found = await installer.authorize({
      teamId: workspace.teamId,
      enterpriseId: workspace.enterpriseId,
      isEnterpriseInstall: !workspace.teamId,
    });
    const token = found.botToken;
    if (!token) throw new Error(`The Slack installation of ${workspace.teamId} has no bot token.`);
    let client = clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, clientOptions) as unknown as SlackClient;
      clients.set(token, client);
      // Maps keep insertion order: the first key is the client made longest ago.
      if (clients.size > CLIENTS_KEPT) clients.delete(clients.keys().next().value as string);
    }
    return client;
  };
}
