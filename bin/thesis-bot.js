#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx thesis-bot` works right after
// `npm ci` with no build step and never runs stale compiled code.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
