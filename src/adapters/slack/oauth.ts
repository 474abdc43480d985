// Slack for many workspaces: "Add to Slack" through OAuth v2. GET /slack/install sends the
// browser to Slack's consent page (with a signed, cookie-bound state against CSRF), and
// GET /slack/oauth_redirect exchanges the code for the team's bot token (oauth.v2.access)
// and keeps the installation in the store (installations.ts). @slack/oauth's InstallProvider
// does both; the routes sit on the shared HTTP server next to POST /slack/events, because
// our own edge (edge.ts) replaces the Bolt receiver that would otherwise serve them.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@slack/bolt";
import { type InstallationStore, InstallProvider } from "@slack/oauth";
import type { HttpServer } from "../../server/http.ts";
import { sendJson } from "../../server/webhook-io.ts";
import type { SlackLog } from "./deps.ts";

export const SLACK_INSTALL_PATH = "/slack/install";
export const SLACK_REDIRECT_PATH = "/slack/oauth_redirect";

/** The bot scopes asked for at install; the same list as slack/manifest.yml's oauth_config. */
export const SLACK_BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "app_mentions:read",
  "users:read",
  // Follow-ups read the thread a mention is in; the welcome knows the channel it joined; the
  // digest finds which installation sees a channel whose team has none (conversations.info).
  "channels:history",
  "groups:history",
  "channels:read",
  "groups:read",
] as const;

export interface SlackOAuthConfig {
  /** SLACK_CLIENT_ID. */
  clientId: string;
  /** SLACK_CLIENT_SECRET. */
  clientSecret: string;
  /** SLACK_STATE_SECRET: signs the state parameter, so any replica can check it. */
  stateSecret: string;
  /**
   * SLACK_REDIRECT_URL: the redirect URL registered with the app (…/slack/oauth_redirect).
   * Defaults to none given, and Slack then uses the app's only registered one.
   */
  redirectUri?: string;
}

export function createInstaller(
  config: SlackOAuthConfig,
  installationStore: InstallationStore,
  clientOptions: { slackApiUrl?: string },
  logger: Logger,
): InstallProvider {
  return new InstallProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateSecret: config.stateSecret,
    installationStore,
    clientOptions,
    // Straight to Slack's consent page: the "Add to Slack" link is the whole page.
    directInstall: true,
    installUrlOptions: {
      scopes: [...SLACK_BOT_SCOPES],
      ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}),
    },
    logger,
  });
}

/** Mounts GET /slack/install and GET /slack/oauth_redirect on the shared server. */
export function mountOAuthRoutes(server: HttpServer, installer: InstallProvider, log: SlackLog) {
  const getOnly =
    (handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) =>
    async (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== "GET") {
        res.setHeader("allow", "GET");
        return sendJson(res, 405, { ok: false, error: "method_not_allowed" });
      }
      await handle(req, res);
    };
  server.route(
    SLACK_INSTALL_PATH,
    getOnly((req, res) => installer.handleInstallPath(req, res)),
  );
  server.route(
    SLACK_REDIRECT_PATH,
    getOnly((req, res) =>
      installer.handleCallback(req, res, {
        success: (installation, _options, _req, response) => {
          const where = installation.team?.name ?? installation.enterprise?.name ?? "the workspace";
          log(`Slack: installed in ${installation.team?.id ?? installation.enterprise?.id}.`);
          page(response, 200, `thesis-bot is installed in ${where}. Type /thesis help in Slack.`);
        },
        failure: (error, _options, _req, response) => {
          log("Slack: an installation failed", error);
          page(
            response,
            400,
            "The installation did not complete. Please start again from the install link.",
          );
        },
      }),
    ),
  );
}

/** One plain sentence as the browser's page. */
function page(res: ServerResponse, status: number, sentence: string): void {
  const escaped = sentence.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><meta charset="utf-8"><title>thesis-bot</title><p>${escaped}</p>`);
}
