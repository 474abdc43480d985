// The environment for `serve` with Slack over HTTP against a fake of Slack's API, on a free
// loopback port: shared by the start-up tests.
export function slackServeEnv(apiUrl: string, extra: Record<string, string> = {}) {
  return {
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: "test-secret",
    SLACK_API_URL: apiUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    // The start-up tests read the log as a person would; serving defaults to JSON lines
    // (main-startup.test.ts checks that default with LOG_FORMAT left empty).
    LOG_FORMAT: "text",
    ...extra,
  };
}
