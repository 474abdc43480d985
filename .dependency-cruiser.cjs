// What may import what. test/architecture/boundaries.test.ts runs these rules over src/ and
// commands/ with dependency-cruiser's API on every `npm run check`, allows only the known
// violations listed in test/architecture/known-violations.ts, and also refuses any cycle
// between the top-level folders of src/ and commands/. `npx depcruise src commands` runs the
// same rules by hand (and reports the known violations too).

/** A package only the files under `folder` may import. */
const onlyIn = (name, folder, packagePattern, comment) => ({
  name,
  comment,
  severity: "error",
  from: { pathNot: `^${folder}` },
  to: { path: `(^|/)node_modules/${packagePattern}` },
});

/** Where each layer's dependencies may point. Paths are relative to the repository root. */
const forbidden = [
  onlyIn(
    "slack-sdk-only-in-slack-adapter",
    "src/adapters/slack/",
    "@slack/",
    "The Slack SDK is the Slack adapter's business; everything else sees a Reply.",
  ),
  onlyIn(
    "discord-sdk-only-in-discord-adapter",
    "src/adapters/discord/",
    "(discord\\.js|@discordjs)/",
    "discord.js and @discordjs/* are the Discord adapter's business.",
  ),
  onlyIn(
    "model-client-only-in-llm",
    "src/llm/",
    "openai/",
    "Only src/llm talks to the model client; the rest codes against answer/model-types.",
  ),
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
    doNotFollow: { path: "(^|/)node_modules/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
