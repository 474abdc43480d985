// The counts that happen outside the bot's dispatch, taken by wrapping what produces them:
// the model's worded answers (a fallback to the extractive lead) and the digest's posts.
import type { ModelAnswers } from "../../commands/types.ts";
import type { DigestPoster } from "../digest/types.ts";
import type { AppMetrics } from "./metrics.ts";

/** A found answer the model did not word (timeout, error, ungrounded) is a fallback. */
export function countedModel(model: ModelAnswers, metrics: AppMetrics | undefined): ModelAnswers {
  if (!metrics) return model;
  return {
    name: model.name,
    async answer(question, limit) {
      const result = await model.answer(question, limit);
      if (result.found && !result.synthesized) metrics.modelFellBack();
      return result;
    },
  };
}

export function countedPoster<Content>(
  poster: DigestPoster<Content>,
  platform: string,
  metrics: AppMetrics | undefined,
): DigestPoster<Content> {
  if (!metrics) return poster;
  return {
    ...poster,
    async post(channel, content, key) {
      const posted = await poster.post(channel, content, key);
      metrics.digestPosted(platform);
      return posted;
    },
  };
}
