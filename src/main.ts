// `npm start`: wiring only (see src/app/run.ts). With no chat tokens this opens the local
// console; with tokens it serves every configured adapter until SIGTERM/SIGINT.
import { processIo, runApp } from "./app/run.ts";

try {
  process.exitCode = await runApp(processIo());
} catch (error) {
  console.error("thesis-bot stopped on an unexpected error:", error);
  process.exitCode = 1;
}
