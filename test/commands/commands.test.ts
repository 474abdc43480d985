// Every /thesis subcommand through the dispatcher, with the real service over the seeds:
// what a user types, what they read back, and that every quote holds against the source.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thesisCommands } from "../../commands/index.ts";
import type { DigestCommands, Platform } from "../../commands/types.ts";
import { checkCitation } from "../../src/answer/quote-check.ts";
import { createThesisService } from "../../src/answer/service.ts";
import type { AskResult, ThesisService } from "../../src/answer/types.ts";
import { createBot, type Invocation } from "../../src/bot/bot.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger, type Ledger } from "../../src/corpus/ledger.ts";
import type { Citation } from "../../src/corpus/types.ts";
import {
  createDigestSubscriptions,
  digestCommandsFrom,
  digestComposer,
} from "../../src/digest/index.ts";
import { NOT_ADVICE_FOOTER } from "../../src/reply/build.ts";
import type { Reply } from "../../src/reply/reply.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { recordingChat } from "../bot/recording-chat.ts";

let ledger: Ledger;
let thesis: ThesisService;
let store: Store;
let dataDir: string;

beforeAll(async () => {
  ledger = await buildLedger(path.join(PACKAGE_ROOT, "seeds"));
  thesis = createThesisService(ledger);
  dataDir = await mkdtemp(path.join(tmpdir(), "thesis-commands-"));
  store = await createStore({ dataDir });
});
afterAll(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface RunAs {
  channelId?: string;
  isAdmin?: boolean;
  digest?: DigestCommands;
  platform?: Platform;
}

/** Runs a typed command through the bot as user U1 (an admin when `isAdmin`). */
const run = (text: string, as: RunAs = {}) => runAs({ text }, as);

/** Runs a subcommand with structured options, as Discord sends them. */
const runOptions = (name: string, options: Record<string, unknown>) => runAs({ name, options });

async function runAs(invocation: Invocation, as: RunAs = {}): Promise<Reply> {
  const bot = createBot({
    commands: thesisCommands,
    thesis,
    log: () => {},
    now: () => new Date("2026-05-04T10:00:00Z"),
    ...(as.digest ? { digest: as.digest } : {}),
  });
  const chat = recordingChat({
    admins: as.isAdmin ? ["U1"] : [],
    ...(as.platform ? { platform: as.platform } : {}),
  });
  const { reply } = await bot.run(
    chat,
    { user: { id: "U1" }, channelId: as.channelId ?? "C1" },
    invocation,
  );
  return reply;
}

const lookup = (file: string) => ledger.documents.find((d) => d.file === file);

function expectVerified(citations: Citation[]): void {
  for (const citation of citations) expect(checkCitation(citation, lookup)).toBeNull();
}

const allCitations = (reply: Reply) => reply.sections.flatMap((s) => s.citations);

describe("/thesis ask", () => {
  it("answers with one section per verified citation, numbered in its credit, share/thread buttons and the CLI result", async () => {
    const reply = await run("ask why does distribution usually win?");
    expect(reply.kind).toBe("answer");
    expect(reply.visibility).toBe("private");
    expect(reply.title).toBe("why does distribution usually win?");
    const data = reply.data as AskResult;
    expect(data.found).toBe(true);
    // The lead is a sentence of passage 1: shown once, emphasised there, not as a line above.
    expect(reply.summary).toBeUndefined();
    const [first] = allCitations(reply);
    expect(first?.quote.slice(...(first?.emphasis ?? [0, 0])).replace(/\s+/g, " ")).toBe(
      data.answer,
    );
    expect(reply.sections).toHaveLength(data.citations.length);
    expect(reply.sections.map((s) => s.heading)).toEqual(reply.sections.map(() => undefined));
    expect(allCitations(reply).map((c) => c.label)).toEqual(
      data.citations.map((_, i) => `${i + 1}`),
    );
    expect(
      allCitations(reply).map(({ file, lines, quote, title }) => ({ file, lines, quote, title })),
    ).toEqual(data.citations);
    expectVerified(data.citations);
    expect(allCitations(reply).some((c) => c.quote.includes("distribution usually wins"))).toBe(
      true,
    );
    const ids = reply.actions.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(["share", "thread"]));
    for (const action of reply.actions.filter((a) => a.id !== "bearcase"))
      expect(action.value).toBe("ask why does distribution usually win?");
  });

  it("offers the bear case and the not-advice footer when the question is about $TAO", async () => {
    const reply = await run("ask what is the bull case for bittensor?");
    expect(reply.kind).toBe("answer");
    expect(reply.actions).toContainEqual(
      expect.objectContaining({ id: "bearcase", value: "bullbear tao" }),
    );
    expect(reply.footer).toBe(NOT_ADVICE_FOOTER);
    // The button's command works.
    const bear = await run("bullbear tao");
    expect(bear.kind).not.toBe("usage");
  });

  it("says plainly when the corpus has nothing, with a hint", async () => {
    const reply = await run("ask what is the capital of France?");
    expect(reply.kind).toBe("empty");
    expect(reply.summary).toBe("Nothing in the corpus answers that.");
    expect(reply.sections[0]?.text).toContain("/thesis sources");
    expect((reply.data as AskResult).found).toBe(false);
  });

  it("tells a question in another language that the bot reads English, without searching", async () => {
    for (const question of ["Was sind die Risiken von Bittensor?", "Bittensor有哪些风险？"]) {
      const reply = await run(`ask ${question}`);
      expect(reply.kind).toBe("empty");
      expect(reply.summary).toMatch(/^thesis-bot reads questions in English/);
      expect((reply.data as AskResult).found).toBe(false);
    }
  });

  it("reads short chat-style English as English", async () => {
    for (const question of ["tbh tao risks lol", "bull case tao", "ngl china wins?"]) {
      const reply = await run(`ask ${question}`);
      expect(reply.summary ?? "", question).not.toMatch(/reads questions in English/);
    }
  });

  it("refuses an empty or 2,000-character question with a usage message", async () => {
    const empty = await run("ask   ");
    expect(empty.kind).toBe("usage");
    expect(empty.summary).toBe(
      "Ask a question, for example: /thesis ask why does distribution win?",
    );
    const long = await run(`ask ${"why ".repeat(500)}`);
    expect(long.kind).toBe("usage");
    expect(long.summary).toMatch(/^That question is too long/);
  });

  it("takes a passage limit from structured surfaces, and words only as the question", async () => {
    const one = await runOptions("ask", {
      question: "why does distribution usually win?",
      limit: 1,
    });
    expect(one.sections).toHaveLength(1);
    const bad = await runOptions("ask", { question: "why", limit: 11 });
    expect(bad.summary).toBe("The number of passages must be a whole number from 1 to 10.");
    const typed = await run("ask 1 why does distribution usually win?");
    expect(typed.title).toBe("1 why does distribution usually win?");
  });
});

describe("/thesis risks and bullbear", () => {
  it("lists risks with how many sources raise each, every quote verified", async () => {
    const reply = await run("risks");
    if (reply.kind === "empty") {
      expect(reply.summary).toMatch(/No source in the corpus raises a risk/);
      return;
    }
    expect(reply.sections.length).toBeGreaterThan(0);
    for (const section of reply.sections) {
      expect(section.heading).toMatch(/^\d+\. \S/);
      expect(section.text).toMatch(/^Raised by \d+ sources?\.$/);
    }
    expectVerified(allCitations(reply));
    expect(reply.footer).toBe(NOT_ADVICE_FOOTER);
  });

  it("answers an unknown topic with the topics it knows", async () => {
    const reply = await run("risks underwater basket weaving");
    expect(reply.kind).toBe("usage");
    expect(reply.summary).toContain("Known topics:");
    for (const topic of thesis.topics()) expect(reply.summary).toContain(topic.id);
  });

  it("takes any phrase for bullbear, and says so plainly when the sources never argue it", async () => {
    const reply = await run("bullbear underwater basket weaving");
    expect(reply.kind).toBe("empty");
    expect(reply.summary).toBe(
      "No source in the corpus argues either side of underwater basket weaving yet.",
    );
  });

  it("asks for a topic when bullbear has none", async () => {
    const reply = await run("bullbear");
    expect(reply.kind).toBe("usage");
    expect(reply.summary).toBe("Name a topic, for example: /thesis bullbear tao");
  });

  it("pairs bull and bear passages, saying 'no source' for a missing side", async () => {
    const reply = await run("bullbear $TAO");
    expect(reply.footer).toBe(NOT_ADVICE_FOOTER);
    expect(reply.title).toBe("Bull and bear: $TAO / Bittensor");
    expect(reply.sections.length % 2).toBe(0);
    for (const section of reply.sections) {
      expect(section.heading).toBeUndefined();
      if (section.citations.length === 0)
        expect(section.text).toMatch(/^(Bull|Bear) case: no source\.$/);
      else expect(section.citations[0]?.label).toMatch(/^(Bull|Bear) \d+$/);
    }
    expectVerified(allCitations(reply));
  });
});

describe("/thesis quote, sources, help", () => {
  it("shows a claim from an answer in its context", async () => {
    const claimId = thesis.ask("why does distribution usually win?").claimIds[0] ?? "";
    const reply = await run(`quote ${claimId}`);
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe(`Claim ${claimId}`);
    expect(reply.summary).toBe(ledger.claims.find((c) => c.id === claimId)?.text);
    expectVerified(allCitations(reply));
  });

  it("says when no claim has the id", async () => {
    const reply = await run("quote nope123");
    expect(reply.summary).toMatch(/^No claim has the id "nope123"/);
  });

  it("lists the sources", async () => {
    const reply = await run("sources");
    expect(reply.sections).toHaveLength(ledger.documents.length);
    for (const doc of ledger.documents)
      expect(reply.sections.map((s) => s.text).join("\n")).toContain(doc.file);
  });

  it("help lists every subcommand's usage and description, from the declarations", async () => {
    const reply = await run("help");
    const commands = reply.sections.slice(0, thesisCommands.length);
    expect(commands.map((s) => s.heading)).toEqual(thesisCommands.map((d) => d.usage));
    expect(commands.map((s) => s.text)).toEqual(thesisCommands.map((d) => d.description));
    expect(thesisCommands.map((d) => d.name)).toEqual([
      "ask",
      "risks",
      "bullbear",
      "quote",
      "sources",
      "topics",
      "digest",
      "feedback",
      "settings",
      "help",
    ]);
    // Then the topics most discussed, so a user knows what to name.
    const topics = reply.sections.at(-1);
    expect(topics?.heading).toBe("Topics");
    expect(topics?.text).toContain("tao");
  });

  it("topics lists every topic with its claim count, most discussed first", async () => {
    const reply = await run("topics");
    const listed = reply.sections[0]?.text ?? "";
    for (const t of thesis.topics()) expect(listed).toContain(`${t.label} (${t.id}): ${t.claims}`);
    const counts = thesis.topics().map((t) => t.claims);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(thesis.topics().map((t) => t.id)).toEqual(expect.arrayContaining(["tao", "china"]));
  });

  it("an unknown subcommand names the real ones", async () => {
    const reply = await run("summon the oracle");
    expect(reply.kind).toBe("usage");
    expect(reply.summary).toContain('"summon" is not a /thesis subcommand');
  });
});

describe("/thesis digest", () => {
  const digest = () =>
    digestCommandsFrom(
      createDigestSubscriptions(store, { clock: { now: () => new Date("2026-05-04T10:00:00Z") } }),
      digestComposer(thesis),
    );

  it("lets admins turn it on and off; everyone may see status and preview", async () => {
    const d = digest();
    const member = { digest: d, channelId: "C-digest" };
    const admin = { ...member, isAdmin: true };
    expect((await run("digest on 07:30 Europe/Berlin", member)).summary).toBe(
      "Only workspace admins can change the digest for this channel.",
    );
    const on = await run("digest on 07:30 Europe/Berlin", admin);
    expect(on.summary).toContain("Daily digest is on for this channel at 07:30 Europe/Berlin");
    expect((await run("digest status", member)).summary).toContain("07:30 Europe/Berlin");
    const preview = await run("digest preview", member);
    expect(preview.title).toBe("Digest for 2026-05-04 (preview)");
    expectVerified(allCitations(preview));
    expect((await run("digest off", member)).summary).toBe(
      "Only workspace admins can change the digest for this channel.",
    );
    expect((await run("digest off", admin)).summary).toBe("Daily digest is off for this channel.");
  });

  it("reads a lone zone as the default time in that zone, and explains bad input", async () => {
    const admin = { digest: digest(), channelId: "C-zone", isAdmin: true };
    expect((await run("digest on Asia/Tokyo", admin)).summary).toContain("09:00 Asia/Tokyo");
    expect((await run("digest on 25:00", admin)).summary).toMatch(/"25:00" is not a time of day/);
    expect((await run("digest sometimes", admin)).summary).toMatch(
      /^Choose on, off, status or preview/,
    );
  });
});
