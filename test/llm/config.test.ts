// The model is optional: off unless configured, configured only from parsed config, and the
// `openai` package stays inside src/llm.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, PACKAGE_ROOT } from "../../src/config.ts";
import { providerOptionsFromConfig } from "../../src/llm/config.ts";

describe("providerOptionsFromConfig", () => {
  it("is off with no model settings, or with a model but nowhere to send it", () => {
    expect(providerOptionsFromConfig(loadConfig({}))).toBeNull();
    expect(providerOptionsFromConfig(loadConfig({ OPENAI_MODEL: "llama3.1" }))).toBeNull();
    expect(
      providerOptionsFromConfig(loadConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" })),
    ).toBeNull();
  });

  it("targets a local server by base URL, with no key needed", () => {
    const options = providerOptionsFromConfig(
      loadConfig({
        OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
        OPENAI_MODEL: "qwen2.5:7b",
        OPENAI_EMBEDDING_MODEL: "nomic-embed-text",
      }),
    );
    expect(options).toEqual({
      baseURL: "http://127.0.0.1:11434/v1",
      model: "qwen2.5:7b",
      embeddingModel: "nomic-embed-text",
    });
  });

  it("targets api.openai.com with a key and no base URL", () => {
    const options = providerOptionsFromConfig(
      loadConfig({ OPENAI_API_KEY: "sk-test", OPENAI_MODEL: "gpt-4o-mini" }),
    );
    expect(options).toEqual({ apiKey: "sk-test", model: "gpt-4o-mini" });
  });
});

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("boundaries", () => {
  it("imports `openai` only inside src/llm, and src/llm reads no environment", async () => {
    const files = [
      ...(await sourceFiles(path.join(PACKAGE_ROOT, "src"))),
      ...(await sourceFiles(path.join(PACKAGE_ROOT, "commands"))),
    ];
    const llmDir = path.join(PACKAGE_ROOT, "src", "llm") + path.sep;
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      const inLlm = file.startsWith(llmDir);
      if (!inLlm && /from\s+["']openai(\/[^"']*)?["']|import\(\s*["']openai/.test(text)) {
        offenders.push(path.relative(PACKAGE_ROOT, file));
      }
      if (inLlm && /process\.env/.test(text)) offenders.push(path.relative(PACKAGE_ROOT, file));
    }
    expect(offenders).toEqual([]);
  });
});
