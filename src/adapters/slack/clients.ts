// Which bot token answers a workspace. With SLACK_BOT_TOKEN there is one workspace and one
// client. With OAuth (many workspaces) each team's token comes from its installation in the
// store; Bolt resolves it for requests (App `authorize`), and this resolves it where no
// request is at hand: the digest posting to a subscribed channel.

import { webApi } from "@slack/bolt";
import type { InstallProvider } from "@slack/oauth";
import type { RecordCollection } from "../../store/index.ts";
import type { ChatInstallation } from "../../store/types.ts";
import type { SlackClient } from "./deps.ts";

export interface SlackWorkspace {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  /**
   * The channel to post in, when known (the digest): if its team has no installation of its
   * own (a team of an org-wide install, or a subscription made before OAuth, which recorded
   * no team), the installation whose token can see the channel answers instead.
   */
  channelId?: string | undefined;
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
  installations: Pick<RecordCollection<ChatInstallation>, "list">,
  /** Told the team of a channel found through the installation that sees it (to record it). */
  learnedTeam: (channelId: string, teamId: string) => Promise<void> = async () => {},
): ClientFor {
  const clients = new Map<string, SlackClient>();
  const clientOf = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, clientOptions) as unknown as SlackClient;
      clients.set(token, client);
      // Maps keep insertion order: the first key is the client made longest ago.
      if (clients.size > CLIENTS_KEPT) clients.delete(clients.keys().next().value as string);
    }
    return client;
  };
  /** Channel id -> the token found to see it, so the search runs once per channel and process. */
  const seenBy = new Map<string, string>();
  const tokenThatSees = async (channelId: string): Promise<string | undefined> => {
    const known = seenBy.get(channelId);
    if (known) return known;
    for (const { value } of await installations.list()) {
      const token = (value.installation.bot as { token?: unknown } | undefined)?.token;
      if (typeof token !== "string") continue;
      const seen = await clientOf(token)
        .conversations.info({ channel: channelId })
        .catch(() => undefined);
      if (seen?.ok) {
        seenBy.set(channelId, token);
        const channel = seen.channel as { context_team_id?: unknown } | undefined;
        const teamId =
          typeof channel?.context_team_id === "string"
            ? channel.context_team_id
            : (value.installation.team as { id?: string } | undefined)?.id;
        if (teamId) await learnedTeam(channelId, teamId).catch(() => {});
        return token;
      }
    }
    return undefined;
  };
  return async (workspace) => {
    const own =
      workspace.teamId || workspace.enterpriseId
        ? await installer
            .authorize({
              teamId: workspace.teamId,
              enterpriseId: workspace.enterpriseId,
              isEnterpriseInstall: !workspace.teamId,
            })
            .catch((error: unknown) => {
              if (!workspace.channelId) throw error;
              return undefined;
            })
        : undefined;
    if (own?.botToken) return clientOf(own.botToken);
    const seeing = workspace.channelId ? await tokenThatSees(workspace.channelId) : undefined;
    if (seeing) return clientOf(seeing);
    throw new Error(
      `No Slack installation for ${workspace.teamId ? `workspace ${workspace.teamId}` : "this channel's workspace"} can post in ${workspace.channelId ?? "it"}.`,
    );
  };
}
