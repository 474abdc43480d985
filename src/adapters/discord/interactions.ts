// Gateway interaction handlers: every command is deferred first (Discord allows 3 seconds
// for the first response), then answered by editing the deferred reply. Replies start
// private; "Share to channel" posts the same answer publicly by re-running its text.
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
} from "discord.js";
import {
  askText,
  autocompleteChoices,
  commandTextFor,
  type DiscordCore,
  type DiscordUser,
  render,
  runOptions,
  runText,
} from "./core.ts";
import { decodeCustomId } from "./custom-id.ts";
import { FIND_SOURCES_COMMAND, THESIS_COMMAND } from "./registration.ts";
import { renderPassages } from "./render.ts";
import {
  isPermissionError,
  permissionExplanation,
  postMessages,
  startThread,
  toDiscordJs,
} from "./send.ts";

const EPHEMERAL = { flags: MessageFlags.Ephemeral } as const;

function userOf(interaction: Interaction): DiscordUser {
  const user: DiscordUser = { id: interaction.user.id, name: interaction.user.username };
  const permissions = interaction.memberPermissions;
  if (permissions?.has(PermissionFlagsBits.ManageGuild)) user.canManage = true;
  return user;
}

/** Shows every rendered message: the first edits the deferred reply, the rest follow up. */
async function showPages(
  interaction: RepliableInteraction,
  payloads: ReturnType<typeof render>,
): Promise<void> {
  const [first, ...rest] = payloads;
  if (first) await interaction.editReply(toDiscordJs(first));
  for (const payload of rest) await interaction.followUp({ ...toDiscordJs(payload), ...EPHEMERAL });
}

async function onChatInput(core: DiscordCore, interaction: ChatInputCommandInteraction) {
  await interaction.deferReply(EPHEMERAL);
  const name = interaction.options.getSubcommand(false) ?? "help";
  const raw: Record<string, unknown> = {};
  for (const option of interaction.options.data[0]?.options ?? []) raw[option.name] = option.value;
  const reply = await runOptions(core, name, raw, userOf(interaction), interaction.channelId);
  const commandText = commandTextFor(core, name, raw, reply);
  await showPages(interaction, render(core, reply, { commandText }));
}

async function onAutocomplete(core: DiscordCore, interaction: AutocompleteInteraction) {
  const focused = interaction.options.getFocused(true);
  const subcommand = interaction.options.getSubcommand(false) ?? "";
  await interaction.respond(
    autocompleteChoices(core, subcommand, focused.name, String(focused.value)),
  );
}

async function onButton(core: DiscordCore, interaction: ButtonInteraction) {
  const target = decodeCustomId(interaction.customId, core.store);
  if (!target) return;
  const { actionId, commandText, page } = target;
  if (commandText === undefined) {
    await interaction.reply({
      content: "This button has expired. Run the /thesis command again for a fresh answer.",
      ...EPHEMERAL,
    });
    return;
  }
  const user = userOf(interaction);
  const channelId = interaction.channelId;
  if (actionId === "page" || actionId === "next" || actionId === "prev") {
    await interaction.deferUpdate();
    const reply = await runText(core, commandText, user, channelId);
    const [shown] = render(core, reply, { commandText, page });
    if (shown) await interaction.editReply(toDiscordJs(shown));
    return;
  }
  await interaction.deferReply(EPHEMERAL);
  const reply = await runText(core, commandText, user, channelId);
  if (actionId === "share") {
    await postMessages(
      interaction.client.rest,
      channelId,
      render(core, reply, { forcePublic: true }),
    );
    await interaction.editReply({
      content: `Shared in <#${channelId}>.`,
      allowedMentions: { parse: [] },
    });
    return;
  }
  if (actionId === "thread") {
    const onPublicMessage = !interaction.message.flags.has(MessageFlags.Ephemeral);
    const anchor = onPublicMessage
      ? interaction.message.id
      : await postMessages(
          interaction.client.rest,
          channelId,
          render(core, reply, { forcePublic: true }),
        );
    if (!anchor) return;
    const threadId = await startThread(interaction.client.rest, channelId, anchor, reply.title);
    await postMessages(interaction.client.rest, threadId, renderPassages(reply));
    await interaction.editReply({
      content: `Quoted the passages in <#${threadId}>.`,
      allowedMentions: { parse: [] },
    });
    return;
  }
  await showPages(interaction, render(core, reply, { commandText }));
}

async function onFindSources(core: DiscordCore, interaction: MessageContextMenuCommandInteraction) {
  await interaction.deferReply(EPHEMERAL);
  const target = interaction.targetMessage;
  const question = target.content.trim();
  if (question === "") {
    await interaction.editReply({ content: "That message has no text to find sources for." });
    return;
  }
  const reply = await runText(core, askText(question), userOf(interaction), interaction.channelId);
  const passages = renderPassages(reply);
  if (passages.length === 0) {
    await showPages(interaction, render(core, reply));
    return;
  }
  const rest = interaction.client.rest;
  const threadId = await startThread(
    rest,
    interaction.channelId,
    target.id,
    `Sources: ${question}`,
  );
  // The lead answer without its citation fields: the full passages follow one by one.
  const [lead] = render(core, { ...reply, sections: [], actions: [] }, { forcePublic: true });
  await postMessages(rest, threadId, lead ? [lead, ...passages] : passages);
  await interaction.editReply({
    content: `Posted ${passages.length} passage(s) in <#${threadId}>.`,
    allowedMentions: { parse: [] },
  });
}

/** Says what went wrong without crashing; permission problems get a clear explanation. */
async function explainFailure(core: DiscordCore, interaction: Interaction, error: unknown) {
  if (!interaction.isRepliable()) return;
  const threadAction =
    interaction.isMessageContextMenuCommand() ||
    (interaction.isButton() && interaction.customId.startsWith("th|thread|"));
  const content = isPermissionError(error)
    ? permissionExplanation(threadAction ? "thread" : "send")
    : "Something went wrong while answering that. It has been logged; please try again.";
  if (!isPermissionError(error)) core.log.error("Discord interaction failed", error);
  const message = { content, embeds: [], components: [], allowedMentions: { parse: [] } };
  try {
    if (interaction.deferred || interaction.replied) await interaction.editReply(message);
    else await interaction.reply({ ...message, ...EPHEMERAL });
  } catch (secondError) {
    core.log.error("Could not tell the user about a failed interaction", secondError);
  }
}

export async function handleInteraction(core: DiscordCore, interaction: Interaction) {
  try {
    if (interaction.isAutocomplete()) await onAutocomplete(core, interaction);
    else if (interaction.isChatInputCommand() && interaction.commandName === THESIS_COMMAND)
      await onChatInput(core, interaction);
    else if (
      interaction.isMessageContextMenuCommand() &&
      interaction.commandName === FIND_SOURCES_COMMAND
    )
      await onFindSources(core, interaction);
    else if (interaction.isButton()) await onButton(core, interaction);
  } catch (error) {
    await explainFailure(core, interaction, error);
  }
}
