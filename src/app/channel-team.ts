// A Slack digest subscribed before OAuth (one workspace, one token) has no team on record.
// In OAuth mode the Slack adapter finds the installation that can see its channel
// (adapters/slack/clients.ts) and says which team that is; the team is then written into the
// subscription, so the next start needs no search and an uninstall of that team forgets the
// subscription like any other. A subscription that already names its team is left alone.
import { channelKey } from "../digest/index.ts";
import type { Store } from "../store/index.ts";

export function channelTeamRecorder(
  subscriptions: Pick<Store["subscriptions"], "get" | "set">,
): (channelId: string, teamId: string) => Promise<void> {
  return async (channelId, teamId) => {
    const key = channelKey({ platform: "slack", channelId });
    const found = await subscriptions.get(key);
    if (!found || found.channel.guildOrTeamId) return;
    await subscriptions.set(key, {
      ...found,
      channel: { ...found.channel, guildOrTeamId: teamId },
    });
  };
}
