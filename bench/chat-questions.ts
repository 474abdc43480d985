/** What the chat benches ask: a handful of questions the seeds answer, asked in turn. */
export const CHAT_BENCH_QUESTIONS = [
  "why does distribution win",
  "what are the risks of subnet emissions",
  "are open weights a threat to closed labs",
  "how do validators get gamed",
  "what did China release",
];
