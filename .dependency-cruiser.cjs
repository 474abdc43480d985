// What may import what. test/architecture/boundaries.test.ts runs these rules over src/ and
// commands/ with dependency-cruiser's API on every `npm run check`, allows only the known
// violations listed in test/architecture/known-violations.ts, and also refuses any cycle
// between the top-level folders of src/ and commands/. `npx depcruise src commands` runs the
// same rules by hand (and reports the known violations too).

/** Where each layer's dependencies may point. Paths are relative to the repository root. */
const forbidden = [
  {
    name: "slack-sdk-only-in-slack-adapter",
    comment: "The Slack SDK is the Slack adapter's business; everything else sees a Reply.",
    severity: "error",
    from: { pathNot: "^src/adapters/slack/" },
    to: { path: "^node_modules/@slack/" },
  },
  {
    name: "discord-sdk-only-in-discord-adapter",
    comment: "discord.js and @discordjs/* are the Discord adapter's business.",
    severity: "error",
    from: { pathNot: "^src/adapters/discord/" },
    to: { path: "^node_modules/(discord\\.js|@discordjs/)" },
  },
  {
    name: "model-client-only-in-llm",
    comment: "Only src/llm talks to the model client; the rest codes against answer/model-types.",
    severity: "error",
    from: { pathNot: "^src/llm/" },
    to: { path: "^node_modules/openai/" },
  },
  {
    name: "core-imports-no-outer-layer",
    comment:
      "corpus, search and answer are the core: no adapter, app, bot, CLI, server, model, evaluation or digest code.",
    severity: "error",
    from: { path: "^src/(corpus|search|answer)/" },
    to: { path: "^src/(adapters|app|bot|cli|server|llm|eval|digest)/" },
  },
  {
    name: "resolvable",
    comment: "An import the checker cannot resolve would hide its edge from every rule above.",
    severity: "error",
    from: {},
    to: { couldNotResolve: true },
  },
];

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: "^node_modules/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
