// The progress display: nothing for work under a second; then, on a terminal, cli-progress's
// bar redrawn in place on the stream, and in a pipe one plain line per stage.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { progressDisplay } from "../../src/app/progress-display.ts";

function captured(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  let text = "";
  stream.on("data", (chunk) => {
    text += String(chunk);
  });
  return { stream, text: () => text };
}

/** A clock the test moves: the display's one-second threshold without waiting a second. */
function clock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe("the progress display", () => {
  it("shows nothing while the work takes under a second", () => {
    const out = captured(false);
    const time = clock();
    const display = progressDisplay(out.stream, { now: time.now });
    const files = display.stage("Indexing articles");
    for (let i = 0; i <= 10; i++) {
      files(i, 10);
      time.advance(50);
    }
    display.stop();
    expect(out.text()).toBe("");
  });

  it("writes one plain line per stage to a pipe once past a second", () => {
    const out = captured(false);
    const time = clock();
    const display = progressDisplay(out.stream, { now: time.now });
    const files = display.stage("Indexing articles");
    for (let i = 0; i <= 20; i++) {
      files(i, 20);
      time.advance(100);
    }
    const claims = display.stage("Indexing claims for search");
    for (let i = 0; i <= 5_000; i += 1_000) claims(i, 5_000);
    display.stop();
    expect(out.text()).toBe("Indexing articles… 10 of 20\nIndexing claims for search… 0 of 5000\n");
  });

  it("draws a bar on a terminal, redrawn as the count grows, that ends at 100%", async () => {
    const out = captured(true);
    const time = clock();
    const display = progressDisplay(out.stream, { now: time.now });
    const files = display.stage("Indexing articles");
    files(0, 40);
    time.advance(1_500);
    for (let i = 1; i <= 40; i++) {
      files(i, 40);
      // cli-progress redraws at most every 100 ms (its throttle): let it.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 120));
    }
    // The finished stage ended its bar; the next stage draws its own.
    const claims = display.stage("Indexing claims for search");
    claims(0, 3_000);
    claims(3_000, 3_000);
    display.stop();
    const text = out.text();
    expect(text).toContain("Indexing claims for search");
    expect(text).toContain("100% | 3000/3000");
    expect(text).toContain("Indexing articles");
    expect(text).toMatch(/[█░]{10,}/);
    expect(text).toContain("100% | 40/40");
    // Drawn in place: the cursor goes back to the line's start between redraws.
    expect(text.includes("\u001b[") || text.includes("\r")).toBe(true);
  });
});
