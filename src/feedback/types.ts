// Votes on answers (👍 / 👎) and what admins read back from them. The bot records a vote
// through FeedbackService; /thesis feedback and `thesis-bot feedback` read the summary.

/** A passage an answer cited, by place only (the text is in the corpus). */
export interface CitedPlace {
  file: string;
  lines: [number, number];
}

export interface Vote {
  /** The command text that reproduces the answer (answers are deterministic). */
  commandText: string;
  /** The subcommand's name, e.g. "ask". */
  command: string;
  platform: string;
  /** The voter's platform id; hashed before it is stored. */
  userId: string;
  vote: "up" | "down";
  citations: CitedPlace[];
  at: Date;
}

export interface RatedAnswer {
  /** The command text voted on, e.g. "ask why does distribution win". */
  question: string;
  command: string;
  up: number;
  down: number;
  citations: CitedPlace[];
}

/** The document `thesis-bot feedback --json` prints (docs/CLI.md). */
export interface FeedbackSummary {
  votes: number;
  up: number;
  down: number;
  /** How many distinct answers got at least one vote. */
  answers: number;
  byCommand: Record<string, { up: number; down: number }>;
  /** Answers with more 👎 than 👍, worst first (at most 10). */
  worst: RatedAnswer[];
}

export interface FeedbackService {
  /** Records a vote; a later vote by the same user on the same answer replaces theirs. */
  record(vote: Vote): Promise<void>;
  summary(): Promise<FeedbackSummary>;
}
