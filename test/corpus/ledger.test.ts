import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCitation } from "../../src/answer/quote-check.ts";
import { PACKAGE_ROOT } from "../../src/config.ts";
import { buildLedger, type Ledger } from "../../src/corpus/ledger.ts";
import { lineText } from "../../src/corpus/lines.ts";

let ledger: Ledger;
const temporary: string[] = [];
beforeAll(async () => {
  ledger = await buildLedger(path.join(PACKAGE_ROOT, "seeds"));
});
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function corpusOf(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "thesis-corpus-"));
  temporary.push(dir);
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(dir, name), body);
  return dir;
}

function expectClaimsExact(l: Ledger): void {
  const byFile = new Map(l.documents.map((d) => [d.file, d]));
  for (const claim of l.claims) {
    const doc = byFile.get(claim.file);
    if (!doc) throw new Error(`no document for ${claim.file}`);
    expect(doc.text.slice(claim.offsets[0], claim.offsets[1]).replace(/\r\n/g, "\n")).toBe(
      claim.text,
    );
    const lines = Array.from({ length: claim.lines[1] - claim.lines[0] + 1 }, (_, i) =>
      lineText(doc.text, doc.lineStarts, claim.lines[0] + i),
    ).join("\n");
    expect(lines.includes(claim.text)).toBe(true);
    const citation = { file: claim.file, lines: claim.lines, quote: claim.text, title: doc.title };
    expect(checkCitation(citation, () => doc)).toBeNull();
  }
}

describe("the ledger of the seeds", () => {
  it("has claims from all five sources, each the exact text at its lines and offsets", () => {
    expect(new Set(ledger.claims.map((c) => c.file)).size).toBe(5);
    expect(ledger.claims.length).toBeGreaterThan(300);
    expectClaimsExact(ledger);
  });

  it("makes no claim of tickers, adverts, vote counters, trust widgets or bios", () => {
    const furniture =
      /\$[\d,]+\.\d+ -|^Advertisement$|Community Trust|votes|community signals|^\d+%$|is a dedicated crypto journalist|Related Stories/m;
    expect(ledger.claims.filter((c) => furniture.test(c.text)).map((c) => c.text)).toEqual([]);
  });

  it("reads the five numbered $TAO risks as risks, bearish for $TAO", () => {
    const numbered = ledger.claims.filter(
      (c) => c.file.includes("000_") && /^(First|Second|Third|Fourth|Fifth),/.test(c.text),
    );
    expect(numbered.map((c) => c.lines[0])).toEqual([146, 148, 151, 153, 155]);
    for (const claim of numbered) {
      expect(claim.kind, claim.text).toBe("risk");
      expect(claim.stances.tao, claim.text).toBe("bear");
    }
  });

  it("keeps the disclaimer and the crypto risk warning as claims", () => {
    const kinds = (file: string) =>
      ledger.claims.filter((c) => c.file.includes(file)).map((c) => [c.text, c.kind] as const);
    expect(kinds("000_")).toContainEqual([
      "Disclaimer: This is not financial advice.",
      "disclaimer",
    ]);
    expect(kinds("001_")).toContainEqual(["You may lose all your principal.", "risk"]);
  });

  it("joins a fragment that cannot stand alone to its neighbour", () => {
    const shift = ledger.claims.find((c) => c.text.endsWith("That is a massive shift."));
    expect(shift?.lines).toEqual([29, 31]);
    const fail = ledger.claims.find((c) => c.text.endsWith("It may fail."));
    expect(
      fail?.text.startsWith("That is a huge claim.") || fail?.text.startsWith("Put simply:"),
    ).toBe(true);
  });

  it("gives every claim a stable id: the same span gets the same id when rebuilt", async () => {
    const again = await buildLedger(path.join(PACKAGE_ROOT, "seeds"));
    expect(again.claims.map((c) => c.id)).toEqual(ledger.claims.map((c) => c.id));
    expect(new Set(ledger.claims.map((c) => c.id)).size).toBe(ledger.claims.length);
  });
});

describe("claims of generated documents", () => {
  const word = fc.constantFrom(
    "China",
    "open",
    "models",
    "$TAO",
    "the",
    "U.S.",
    "cheap",
    "risk",
    "may",
    "win",
    "90–97%",
    "“quoted”",
    "—",
    "GPT-5.6",
  );
  const sentence = fc
    .array(word, { minLength: 2, maxLength: 14 })
    .map((ws) => `${ws.join(" ")}${[".", "?", "!", ":"][ws.length % 4]}`);
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(" "));
  const document = fc
    .array(
      fc.oneof(
        paragraph,
        paragraph,
        fc.constant(""),
        fc.constant("A Heading Line"),
        fc.constant("BTC $1.00 -1%"),
      ),
      {
        minLength: 1,
        maxLength: 20,
      },
    )
    .map((lines) => lines.join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0] ?? "\n"));

  it("always cite the exact text at their lines and offsets", async () => {
    await fc.assert(
      fc.asyncProperty(document, async (text) => {
        const dir = await corpusOf({ "doc.md": text.trim() === "" ? "x." : text });
        expectClaimsExact(await buildLedger(dir));
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  });
});

describe("loading a corpus folder", () => {
  it("skips empty, binary, non-UTF-8 and oversized files with a warning naming each, and indexes the rest", async () => {
    const dir = await corpusOf({
      "good.txt": "Open models are getting cheaper every month.\n",
      "empty.txt": "",
      "binary.md": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      "latin1.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2e]),
      "notes.pdf": "ignored: not an article extension",
    });
    const l = await buildLedger(dir);
    expect(l.documents.map((d) => path.basename(d.file))).toEqual(["good.txt"]);
    const name = path.basename(dir);
    expect(l.warnings).toEqual([
      `Skipped ${name}/binary.md: it looks binary (it contains NUL bytes).`,
      `Skipped ${name}/empty.txt: it is empty.`,
      `Skipped ${name}/latin1.txt: it is not valid UTF-8.`,
    ]);
  });
});
