// How much text a user may hand the answer layer, defined once for every surface (the typed
// command line, Discord's options, the CLI) and for the model prompt.

/**
 * The longest question `ask` takes; a longer one is refused with a sentence, and the model
 * prompt never carries more of it. Defaults to 1,000 characters.
 */
export const MAX_QUESTION_CHARS = 1_000;

/**
 * The longest typed input (a whole /thesis line, a CLI question or topic, a message turned
 * into a question). Defaults to 2,000 characters.
 */
export const MAX_INPUT_CHARS = 2_000;
