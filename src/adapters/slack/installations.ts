// Slack installations (one per workspace, or per organisation for an org-wide install) kept
// in the project's store, so every replica finds the token a team installed the app with:
// the SQLite file locally, Redis when REDIS_URL is set. This is @slack/oauth's
// InstallationStore over the store's `installations` collection.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { RecordCollection } from "../../store/index.ts";
import type { ChatInstallation } from "../../store/types.ts";

/** The record an installation lives under: the organisation for org-wide installs, else the team. */
export function installationKey(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string | undefined {
  if (query.isEnterpriseInstall && query.enterpriseId)
    return `slack:enterprise:${query.enterpriseId}`;
  return query.teamId ? `slack:team:${query.teamId}` : undefined;
}

function keyOf(installation: Installation): string | undefined {
  return installationKey({
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall,
  });
}

export function storeInstallations(
  records: RecordCollection<ChatInstallation>,
  now: () => Date = () => new Date(),
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const key = keyOf(installation as Installation);
      if (!key)
        throw new Error("Slack sent an installation with neither a team nor an organisation.");
      await records.set(key, {
        platform: "slack",
        installation: installation as unknown as Record<string, unknown>,
        installedAt: now().toISOString(),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const found = key ? await records.get(key) : undefined;
      if (!found) throw new Error(`No Slack installation for ${describe(query)}.`);
      return found.installation as unknown as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      if (key) await records.delete(key);
    },
  };
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall
    ? `organisation ${query.enterpriseId}`
    : `workspace ${query.teamId ?? "(none)"}`;
}
