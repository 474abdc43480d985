// Runs the CLI in-process, as `npx thesis-bot …` would, and captures what it prints.
import { runCli } from "../../src/cli.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliCapturing(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
  });
  return { code, stdout, stderr };
}
