// What the bot keeps for a workspace, removed when the workspace removes the app (Slack's
// app_uninstalled / tokens_revoked, Discord's guildDelete): the digest subscriptions of its channels with their
// history and rotation memory, and its settings. Feedback votes carry no workspace and stay.
import type { Platform } from "../../commands/types.ts";
import { channelKey } from "../digest/index.ts";
import type { DigestSubscriptions } from "../digest/types.ts";
import type { Store } from "../store/index.ts";

export function workspaceForgetter(
  store: Pick<Store, "subscriptions" | "digestHistory" | "rotation" | "settings">,
  subscriptions: Pick<DigestSubscriptions, "unsubscribe">,
): (platform: Platform, workspaceId: string) => Promise<void> {
  return async (platform, workspaceId) => {
    const theirs = (await store.subscriptions.list())
      .map((row) => row.value.channel)
      .filter((channel) => channel.platform === platform && channel.guildOrTeamId === workspaceId);
    const keys = theirs.map(channelKey);
    for (const channel of theirs) await subscriptions.unsubscribe(channel);
    for (const key of keys) await store.digestHistory.delete(key);
    // Rotation records name their channel's key between colons (digest/news.ts).
    for (const { id } of await store.rotation.list()) {
      if (keys.some((key) => id.includes(`:${key}:`) || id === key))
        await store.rotation.delete(id);
    }
    await store.settings.delete(workspaceId);
  };
}
