/**
 * An evaluation input a person can fix (a question file that is not one, a folder that cannot
 * be evaluated, no embedding model for hybrid search): its message is one sentence for them.
 */
export class EvalInputError extends Error {
  override name = "EvalInputError";
}
