// /thesis sources through the real Bolt app over signed HTTP, against the loopback fake Slack
// and the loopback test site: an admin adds an article and sees "Fetching…", "Indexing…" and
// what it added; a member is refused naming the role; a PDF gets its sentence; the paste
// modal (views.open, then view_submission) adds a paywalled piece; and /thesis ask cites
// the added article by title and URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import { PASTE_FORM_ID } from "../../src/bot/paste-source.ts";
import { openRig, type Rig } from "../sources/rig.ts";
import { startTestSite, type TestSite } from "../sources/web-server.ts";
import { type SlackHarness, startSlackHarness, visibleText } from "./slack-harness.ts";

const ADMIN = "UADMIN";
const MEMBER = "UMEMBER";
const REFUSED = "Only workspace admins can add, refresh or remove sources.";
const TITLE = "Quokka subnet draws validators";

let site: TestSite;
let rig: Rig;
let slack: SlackHarness;
let commandCount = 0;

beforeAll(async () => {
  site = await startTestSite();
  rig = await openRig();
  slack = await startSlackHarness({
    commands: thesisCommands,
    thesis: rig.live.thesis,
    sources: rig.manager,
  });
  slack.fake.setUser({ id: ADMIN, is_admin: true });
  slack.fake.setUser({ id: MEMBER });
});
afterAll(async () => {
  await slack?.close();
  await rig?.close();
  await site?.close();
});

/** What the user read through a command's response_url, once `count` messages arrived. */
async function shownAt(responseId: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const shown = slack.fake
      .callsTo("response_url")
      .filter((call) => call.responseId === responseId)
      .map((call) => visibleText(call.args));
    if (shown.length >= count) return shown;
    if (Date.now() > deadline) throw new Error(`${responseId}: only ${shown.join(" | ")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `/thesis <text>` as `userId`; resolves with the first `count` messages the user read. */
async function run(userId: string, text: string, count = 1) {
  const responseId = `r${++commandCount}`;
  const res = await slack.slash(text, responseId, { user_id: userId });
  expect(res.status).toBe(200);
  return { responseId, shown: await shownAt(responseId, count) };
}

describe("/thesis sources on Slack", () => {
  it("refuses a member, naming the role, and adds nothing", async () => {
    const { shown } = await run(MEMBER, `sources add ${site.url("/article")}`);
    expect(shown[0]).toContain(REFUSED);
    expect(rig.manager.list().some((s) => s.origin === "chat")).toBe(false);
  });

  it("shows Fetching…, Indexing…, then what the admin added", async () => {
    const { shown } = await run(ADMIN, `sources add ${site.url("/article")}`, 3);
    expect(shown[0]).toContain("Fetching…");
    expect(shown[1]).toContain("Indexing…");
    expect(shown[2]).toMatch(
      new RegExp(`Added \\\\"${TITLE}\\\\" \\(Example Wire, Ada Lovelace\\): \\d+ claims?`),
    );
    expect(shown[2]).toContain(site.url("/article"));
  });

  it("answers a PDF with its sentence", async () => {
    const { responseId } = await run(ADMIN, `sources add ${site.url("/paper.pdf")}`);
    const shown = await shownAt(responseId, 2);
    expect(shown.at(-1)).toContain(
      "That link is a PDF, which cannot be added yet: paste its text instead.",
    );
  });

  it("answers a redirect loop, a 20 MB page and a page with no article each with its sentence, adding nothing", async () => {
    const before = rig.manager.list().length;
    for (const [page, sentence] of [
      ["/loop0", /redirected more than 5 times/],
      ["/huge", /larger than 5 MB/],
      ["/empty", /No article text was found/],
    ] as const) {
      const { responseId } = await run(ADMIN, `sources add ${site.url(page)}`);
      const shown = await shownAt(responseId, 2);
      expect(shown.at(-1)).toMatch(sentence);
    }
    expect(rig.manager.list()).toHaveLength(before);
  });

  it("cites the added article by title and URL in /thesis ask", async () => {
    const { shown } = await run(ADMIN, "ask what happens if the Quokka validators leave");
    expect(shown[0]).toContain(TITLE);
    expect(shown[0]).toContain(site.url("/article"));
  });

  it("opens the paste form only for admins", async () => {
    const { shown } = await run(MEMBER, "sources paste");
    expect(shown[0]).toContain(REFUSED);
    expect(slack.fake.callsTo("views.open")).toHaveLength(0);

    const responseId = `r${++commandCount}`;
    await slack.slash("sources paste", responseId, { user_id: ADMIN, trigger_id: "9.9.9" });
    const [open] = await slack.fake.waitForCalls("views.open");
    expect(open?.args.trigger_id).toBe("9.9.9");
    const sent = open?.args.view;
    const view = JSON.parse(typeof sent === "string" ? sent : JSON.stringify(sent));
    expect(view.callback_id).toBe(PASTE_FORM_ID);
    expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual([
      "title",
      "url",
      "text",
    ]);

    const values = (title: string, url: string, text: string) => ({
      title: { title: { type: "plain_text_input", value: title } },
      url: { url: { type: "plain_text_input", value: url || null } },
      text: { text: { type: "plain_text_input", value: text } },
    });
    const submit = (user: string, state: ReturnType<typeof values>) =>
      slack.interaction({
        type: "view_submission",
        team: { id: "T1", domain: "fake" },
        user: { id: user, name: user.toLowerCase(), team_id: "T1" },
        api_app_id: "A1",
        trigger_id: "9.9.10",
        view: {
          id: "V1",
          type: "modal",
          callback_id: PASTE_FORM_ID,
          private_metadata: view.private_metadata,
          state: { values: state },
        },
      });

    const memo = [
      "The Wombat subnet lost half its validators after emissions were cut, which analysts call a serious risk for $TAO holders.",
      "Supporters still expect the Wombat validators to return once rewards recover.",
    ].join("\n\n");
    expect(
      (await submit(ADMIN, values("Wombat memo", "https://paywalled.example/wombat", memo))).status,
    ).toBe(200);
    const shown2 = await shownAt(responseId, 2);
    expect(shown2[0]).toContain("Indexing…");
    expect(shown2[1]).toMatch(/Added \\"Wombat memo\\": \d+ claims?/);
    expect(shown2[1]).toContain("https://paywalled.example/wombat");
    expect(rig.manager.list().find((s) => s.title === "Wombat memo")?.origin).toBe("chat");

    // A member whose form was still open, and a form without text, add nothing.
    await submit(MEMBER, values("Other memo", "", "Some other text about Wombat validators."));
    await submit(ADMIN, values("Empty memo", "", "  "));
    const shown3 = await shownAt(responseId, 4);
    expect(shown3.slice(2).join("\n")).toContain(REFUSED);
    expect(shown3.slice(2).join("\n")).toContain("Paste the article");
    expect(rig.manager.list().some((s) => /Other memo|Empty memo/.test(s.title))).toBe(false);
  });
});
