// Where the Discord adapter reports: routine events (info), failures (error) and refusals
// at the edge (debug, often dropped).
export interface DiscordLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  /** Routine refusals at the edge (malformed or unsigned requests). */
  debug?(message: string): void;
}

export const consoleLog: DiscordLog = {
  info: (message) => console.info(message),
  error: (message, error) => console.error(message, error),
};
