// Registers /thesis and the "Find sources" message command from the declarations in
// commands/, and writes only when what Discord already has differs (a PUT on every start
// would churn clients' command caches and burn the daily command-create limit).
import type { REST } from "discord.js";
import { Routes } from "discord.js";
import type { SubcommandDefinition } from "../../../commands/types.ts";
import { type DiscordCommandOption, subcommandJson } from "./options.ts";

export const FIND_SOURCES_COMMAND = "Find sources";
export const THESIS_COMMAND = "thesis";

export interface DiscordCommandJson {
  type: number;
  name: string;
  description: string;
  options?: DiscordCommandOption[];
}

export function buildCommandJson(defs: readonly SubcommandDefinition[]): DiscordCommandJson[] {
  return [
    {
      type: 1,
      name: THESIS_COMMAND,
      description: "Cited answers, risks and bull/bear pairs from the thesis corpus",
      options: defs.map(subcommandJson),
    },
    { type: 3, name: FIND_SOURCES_COMMAND, description: "" },
  ];
}

type Loose = Record<string, unknown>;

/** Keeps the fields we declare, with Discord's defaults filled in, so equal means equal. */
function normaliseOption(option: Loose): Loose {
  const out: Loose = {
    type: option.type,
    name: option.name,
    description: option.description ?? "",
    required: option.required ?? false,
    autocomplete: option.autocomplete ?? false,
  };
  for (const key of ["choices", "min_length", "max_length", "min_value", "max_value"]) {
    if (option[key] !== undefined && option[key] !== null) out[key] = option[key];
  }
  if (option.type === 1 || option.type === 2) out.required = false;
  const options = option.options as Loose[] | undefined;
  if (options && options.length > 0) out.options = options.map(normaliseOption);
  return out;
}

export function normaliseCommands(commands: readonly Loose[]): string {
  const normalised = commands
    .map((command) => ({
      type: command.type ?? 1,
      name: command.name,
      description: command.type === 3 || command.type === 2 ? "" : (command.description ?? ""),
      options: ((command.options as Loose[] | undefined) ?? []).map(normaliseOption),
    }))
    .sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
  return JSON.stringify(normalised);
}

export interface SyncResult {
  action: "unchanged" | "written";
  scope: "guild" | "global";
}

export async function syncCommands(options: {
  rest: REST;
  applicationId: string;
  guildId?: string;
  defs: readonly SubcommandDefinition[];
  log: (message: string) => void;
}): Promise<SyncResult> {
  const { rest, applicationId, guildId, defs, log } = options;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const scope = guildId ? "guild" : "global";
  const wanted = buildCommandJson(defs);
  const existing = (await rest.get(route)) as Loose[];
  if (normaliseCommands(existing) === normaliseCommands(wanted as unknown as Loose[])) {
    log(`Discord ${scope} commands are up to date; not re-registering.`);
    return { action: "unchanged", scope };
  }
  await rest.put(route, { body: wanted });
  log(`Discord ${scope} commands differed from the declarations; registered ${wanted.length}.`);
  return { action: "written", scope };
}
