// A workspace that removes the app (app_uninstalled), or whose bot token is revoked
// (tokens_revoked with bot tokens), is forgotten: its installation goes, so no token of
// its is used again (for an org-wide install, the organisation's installation), and `forgetWorkspace` removes what the bot kept for it (digest
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

/** The parts of an event's envelope that say who uninstalled: a team, or a whole organisation. */
interface Envelope {
  team_id?: string;
  enterprise_id?: string | null;
  is_enterprise_install?: boolean;
  authorizations?: { enterprise_id?: string | null; is_enterprise_install?: boolean }[];
}

export function registerUninstall(app: App, deps: UninstallDeps): void {
  const forget = async (why: string, body: Envelope) => {
    const enterpriseId = body.enterprise_id ?? body.authorizations?.[0]?.enterprise_id ?? undefined;
    // An org-wide install is one installation for every team of the organisation.
    const orgWide =
      Boolean(enterpriseId) &&
      (body.authorizations?.[0]?.is_enterprise_install ?? body.is_enterprise_install) === true;
    const workspaceId = orgWide ? enterpriseId : body.team_id;
    const where = orgWide ? `organisation ${workspaceId}` : workspaceId;
    if (!workspaceId) return deps.log(`Slack: ${why} without a team id; nothing removed.`);
    try {
      await deps.installations?.deleteInstallation?.({
        teamId: body.team_id,
        enterpriseId,
        isEnterpriseInstall: orgWide,
      });
      await deps.forgetWorkspace(workspaceId);
      deps.log(`Slack: ${why} in ${where}; its installation and data are removed.`);
    } catch (error) {
      deps.log(`Slack: removing ${where} after ${why} failed`, error);
    }
  };
  app.event("app_uninstalled", async ({ body }) => forget("the app was uninstalled", body));
  app.event("tokens_revoked", async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget("the bot token was revoked", body);
  });
}
