// A workspace that removes the app (app_uninstalled), or whose bot token is revoked
// (tokens_revoked with bot tokens), is forgotten: its installation goes, so no token of
// its is used again, and `forgetWorkspace` removes what the bot kept for it (digest
// subscriptions of its channels, settings). Revoked user tokens alone change nothing: the
// bot never uses them. Bolt runs these two events even when the team's token no longer
// authorizes (its eventTypesToSkipAuthorize).
import type { App } from "@slack/bolt";
import type { InstallationStore } from "@slack/oauth";
import type { SlackLog } from "./deps.ts";

export interface UninstallDeps {
  /** Present with OAuth: the team's installation is deleted from it. */
  installations?: InstallationStore;
  /** Removes the workspace's data from the store. */
  forgetWorkspace: (teamId: string) => Promise<void>;
  log: SlackLog;
}

export function registerUninstall(app: App, deps: UninstallDeps): void {
  const forget = async (why: string, body: { team_id?: string; enterprise_id?: string }) => {
    const teamId = body.team_id;
    if (!teamId) return deps.log(`Slack: ${why} without a team id; nothing removed.`);
    try {
      await deps.installations?.deleteInstallation?.({
        teamId,
        enterpriseId: body.enterprise_id,
        isEnterpriseInstall: false,
      });
      await deps.forgetWorkspace(teamId);
      deps.log(`Slack: ${why} in ${teamId}; its installation and data are removed.`);
    } catch (error) {
      deps.log(`Slack: removing ${teamId} after ${why} failed`, error);
    }
  };
  app.event("app_uninstalled", async ({ body }) => forget("the app was uninstalled", body));
  app.event("tokens_revoked", async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget("the bot token was revoked", body);
  });
}
