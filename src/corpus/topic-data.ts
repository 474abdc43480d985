// The thesis topics and how articles name them. Aliases are matched as whole words,
// case-insensitively unless `caseSensitive`; a topic is also implied by others
// (a claim about DeepSeek is a claim about Chinese open-weight AI).

export interface TopicDefinition {
  id: string;
  label: string;
  aliases: string[];
  /** Aliases that only count with this exact case ("US", not "us"). */
  caseSensitive?: string[];
  /** A named thing (a company, a model, a country): its names expand each other in search. */
  entity?: boolean;
  /** Implied when any of these topics is present. */
  impliedByAny?: string[];
  /** Implied when all of these topics are present. */
  impliedByAll?: string[];
}

export const TOPICS: readonly TopicDefinition[] = [
  {
    id: "tao",
    entity: true,
    label: "$TAO / Bittensor",
    aliases: ["$tao", "tao", "bittensor", "bittensor's", "bittensor’s"],
  },
  {
    id: "deepseek",
    entity: true,
    label: "DeepSeek",
    aliases: ["deepseek", "deepseek's", "deepseek’s", "deepseek-linked"],
  },
  {
    id: "qwen",
    entity: true,
    label: "Qwen",
    aliases: ["qwen", "alibaba's qwen", "alibaba’s qwen"],
  },
  { id: "kimi", entity: true, label: "Kimi", aliases: ["kimi", "kimmy", "moonshot"] },
  { id: "glm", entity: true, label: "GLM", aliases: ["glm", "zhipu"] },
  {
    id: "openai",
    entity: true,
    label: "OpenAI",
    aliases: ["openai", "openai's", "openai’s", "gpt", "chatgpt"],
  },
  { id: "anthropic", entity: true, label: "Anthropic", aliases: ["anthropic", "claude"] },
  {
    id: "us",
    entity: true,
    label: "the US",
    aliases: [
      "u.s.",
      "united states",
      "america",
      "american",
      "americans",
      "washington",
      "washington's",
      "washington’s",
    ],
    caseSensitive: ["US", "USA"],
  },
  {
    id: "china",
    entity: true,
    label: "China",
    aliases: ["china", "china's", "china’s", "chinese", "beijing"],
    impliedByAny: ["deepseek", "qwen", "kimi", "glm", "chinese-open"],
  },
  {
    id: "export-controls",
    label: "export controls, chips and sanctions",
    aliases: [
      "export controls",
      "export control",
      "chips",
      "chip",
      "sanctions",
      "sanction",
      "semiconductor",
      "semiconductors",
      "gpus",
      "gpu",
      "compute denial",
      "choke point",
      "choke points",
    ],
  },
  {
    id: "open-weight",
    label: "open-weight / open-source models",
    aliases: [
      "open-weight",
      "open weight",
      "open-source",
      "open source",
      "open models",
      "open model",
      "open releases",
      "open-sourcing",
      "open ai era",
      "open intelligence",
    ],
    impliedByAny: ["chinese-open"],
  },
  {
    id: "chinese-open",
    label: "Chinese open-weight AI",
    aliases: [
      "chinese open-weight",
      "chinese open-source",
      "chinese open models",
      "chinese models",
      "chinese ai models",
      "chinese open-weight models",
      "chinese open-source models",
    ],
    impliedByAny: ["deepseek", "qwen", "kimi", "glm"],
    impliedByAll: ["china", "open-weight"],
  },
  {
    id: "closed-frontier",
    label: "closed frontier models",
    aliases: [
      "closed frontier",
      "closed frontier models",
      "closed models",
      "closed model",
      "closed ai",
      "closed-source",
      "closed source",
      "proprietary",
      "frontier models",
      "frontier ai",
      "closed systems",
      "closed api",
      "closed-model",
    ],
    impliedByAny: ["openai", "anthropic"],
  },
  {
    id: "crypto",
    label: "crypto",
    aliases: [
      "crypto",
      "cryptocurrency",
      "crypto-native",
      "token",
      "tokens",
      "bitcoin",
      "ethereum",
      "coin",
      "coins",
      "wallets",
      "staking",
      "blockchain",
      "defi",
    ],
    impliedByAny: ["tao"],
  },
];
