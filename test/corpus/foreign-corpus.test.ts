// A corpus on a debate the code was not written for (written for this test): its topics
// are discovered, its titles and list items read, and any phrase a user names is a target.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statesPosition } from "../../src/answer/claim-features.ts";
import { createThesisService } from "../../src/answer/service.ts";
import { resolveTarget } from "../../src/answer/target.ts";
import type { ThesisService } from "../../src/answer/types.ts";
import { buildLedger, type Ledger } from "../../src/corpus/ledger.ts";
import { stancesIn } from "../../src/corpus/stance.ts";
import { createTopicSet } from "../../src/corpus/topic-set.ts";

const BOXING = `. 
Boxing is a combat sport in which two people throw punches at each other.

Critics argue that boxing causes lasting brain damage to fighters.
Repeated blows to the head can lead to dementia in retired boxers.
Supporters say boxing teaches discipline and keeps young people away from crime.
Boxing gyms give teenagers a safe place to train.

The sport's medical associations list several harms of boxing:
Boxing damages the brain
Boxing rewards violence

Amateur boxing uses headguards and shorter bouts.
Professional boxing draws large audiences in many countries.
`;
const BOXING_2 = `. 
The British Medical Association has called for a ban on boxing because of the injuries boxers suffer.
Boxing is dangerous, and several boxers die every year from injuries in the ring.
Many fans see boxing as an honest and disciplined sport that builds character.
Boxing promotes fitness, courage and respect among young athletes.
`;

let dir: string;
let ledger: Ledger;
let thesis: ThesisService;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "thesis-foreign-"));
  await writeFile(path.join(dir, "boxing.txt"), BOXING);
  await writeFile(path.join(dir, "boxing-medicine.txt"), BOXING_2);
  ledger = await buildLedger(dir);
  thesis = createThesisService(ledger);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a corpus the code was not written for", () => {
  it("discovers what it is about against general English, and lists it with claim counts", () => {
    const boxing = thesis.topics().find((t) => t.id === "boxing");
    expect(boxing?.claims).toBeGreaterThan(5);
    // Common words are no topics, however often they occur.
    expect(thesis.topics().map((t) => t.id)).not.toContain("people");
  });

  it("titles an article by its first line with letters, not a stray '. '", () => {
    expect(ledger.documents.map((d) => d.title)).toEqual([
      "The British Medical Association has called for a ban on boxing because of the injuries…",
      "Boxing is a combat sport in which two people throw punches at each other",
    ]);
  });

  it("reads list items as content, not as headings", () => {
    expect(ledger.sections.map((s) => s.heading).filter(Boolean)).toEqual([]);
    // Short items join the line that introduced them, as one claim.
    expect(
      ledger.claims.some((c) =>
        c.text.endsWith("Boxing damages the brain\nBoxing rewards violence"),
      ),
    ).toBe(true);
  });

  it("answers bullbear on any phrase, and reads 'ban boxing' as against boxing", () => {
    const onBoxing = thesis.bullbear("boxing");
    expect(onBoxing.pairs.length).toBeGreaterThan(0);
    const bulls = onBoxing.pairs.map((p) => p.bull?.quote ?? "");
    const bears = onBoxing.pairs.map((p) => p.bear?.quote ?? "");
    expect(bulls.join(" ")).toMatch(/discipline|fitness|safe place|character/);
    expect(bears.join(" ")).toMatch(/damage|dementia|dangerous|injuries/);
    // For the ban is against boxing: its bull side is boxing's bear side.
    const onBan = thesis.bullbear("ban boxing");
    expect(onBan.label).toBe("boxing");
    const stance = (quote: string | undefined) =>
      ledger.claims.find((c) => c.text === quote)?.stances.boxing;
    expect(onBan.pairs.length).toBeGreaterThan(0);
    for (const pair of onBan.pairs) {
      expect(stance(pair.bull?.quote)).toBe("bear");
      expect(stance(pair.bear?.quote)).toBe("bull");
    }
  });

  it("matches a phrase that is no topic over the ledger, and refuses one it never says", () => {
    const teenagers = thesis.bullbear("teenagers");
    expect(teenagers.pairs[0]?.bull?.quote).toBe(
      "Boxing gyms give teenagers a safe place to train.",
    );
    expect(thesis.bullbear("figure skating").pairs).toEqual([]);
  });

  it("finds a phrase said in the singular, grown by the user's own neighbouring words", () => {
    // "young athletes" is said; "athlete" in the singular is asked with an extra word.
    const target = resolveTarget("support the young athlete", ledger.claims);
    expect(target?.set.definition("phrase")?.aliases).toContain("young athletes");
    const athletes = thesis.bullbear("support the young athlete");
    const quotes = athletes.pairs.flatMap((p) => [p.bull?.quote, p.bear?.quote]);
    expect(quotes).toContain("Boxing promotes fitness, courage and respect among young athletes.");
  });
});

describe("a stated position", () => {
  it("is told from a question, a chatty opener and a bare noun phrase", () => {
    expect(statesPosition("This house would ban boxing")).toBe(true);
    expect(statesPosition("Boxing is harmful")).toBe(true);
    expect(statesPosition("Raising the age limit helps")).toBe(true);
    expect(statesPosition("Is boxing dangerous?")).toBe(false);
    expect(statesPosition("so is boxing dangerous")).toBe(false);
    expect(statesPosition("Why do people box")).toBe(false);
    expect(statesPosition("Whats the risk if boxing keeps this up")).toBe(false);
    expect(statesPosition("boxing main risks")).toBe(false);
  });

  it("is answered with arguments that name its target, not with its definitions", () => {
    const answer = thesis.ask("This house would ban boxing", { limit: 3 });
    expect(answer.found).toBe(true);
    const quotes = answer.citations.map((c) => c.quote);
    expect(quotes.join(" ")).not.toMatch(/combat sport in which two people/);
    for (const quote of quotes) expect(quote).toMatch(/box/i);
  });
});

describe("stance toward a named target", () => {
  const set = createTopicSet([
    { id: "freedom", label: "freedom", aliases: ["freedom of speech"] },
    { id: "ads", label: "advertising", aliases: ["advertising"] },
  ]);

  it("does not read a topic's own name as an opinion about it", () => {
    // "freedom" is a positive word; restricting it is no praise of it.
    expect(
      stancesIn("Restrictions on freedom of speech are imposed by law.", set).freedom,
    ).not.toBe("bull");
  });

  it("reads a word or three in quotes as named, not said", () => {
    expect(
      stancesIn('Advertising sets a standard for what is considered "beautiful".', set).ads,
    ).toBe("neutral");
    // A longer quote is a statement and keeps its reading.
    expect(
      stancesIn('Critics call advertising "a toxic and harmful mental pollutant".', set).ads,
    ).toBe("bear");
  });

  it("reads a superlative that measures a harm as harm, and one of praise as praise", () => {
    expect(stancesIn("Advertising is the single greatest cause of debt.", set).ads).toBe("bear");
    expect(stancesIn("Advertising is one of the greatest barriers to reform.", set).ads).toBe(
      "bear",
    );
    expect(stancesIn("Advertising is the best way to reduce poverty.", set).ads).toBe("bull");
  });

  it("reads words AFINN leaves out by WordNet ('detrimental', 'invades')", () => {
    expect(stancesIn("Advertising has detrimental effects on teenagers.", set).ads).toBe("bear");
    // A verb whose sense is a kind of harming or attacking ("invade" is a kind of "attack").
    expect(stancesIn("Advertising invades public spaces.", set).ads).toBe("bear");
    // A verb WordNet files under restricting ("curtail" is a kind of "restrict") works
    // against the target it governs.
    expect(stancesIn("Congress voted to curtail advertising.", set).ads).toBe("bear");
  });
});
