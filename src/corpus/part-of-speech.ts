// The one wink-nlp pipeline with part-of-speech tags that the ledger and the answers share
// (claim-likeness, the target's role in a sentence, the sense of a risk word). Each
// winkNLP(model) reads the English model again: about 100 ms and 12 MB a copy, in every
// process and every index worker.
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

export const posNlp = winkNLP(model, ["pos"]);
export const its = posNlp.its;
