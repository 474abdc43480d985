// A workspace's (Slack) or server's (Discord) settings, changed from chat with
// /thesis settings and read by the bot before every command (preconditions.ts): the channels
// where the bot answers, per-channel rate limits and extra admins. Kept in the store's
// `settings` collection under the workspace id, so every replica sees a change at once.
import type { WorkspaceSettingsService } from "../../commands/types.ts";
import type { GuildSettings, RecordCollection } from "../store/index.ts";

/** A workspace nobody has changed: answers everywhere, default limits, no extra admins. */
export function defaultSettings(at: Date): GuildSettings {
  return { adminUserIds: [], answerChannels: [], channelLimits: {}, updatedAt: at.toISOString() };
}

export function workspaceSettings(
  records: RecordCollection<GuildSettings>,
  now: () => Date = () => new Date(),
): WorkspaceSettingsService {
  const get = async (workspaceId: string) => {
    const stored = await records.get(workspaceId);
    return { ...defaultSettings(now()), ...stored };
  };
  return {
    get,
    async update(workspaceId, change) {
      const next = { ...change(await get(workspaceId)), updatedAt: now().toISOString() };
      await records.set(workspaceId, next);
      return next;
    },
  };
}
