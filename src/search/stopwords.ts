// English stopwords: the widely used NLTK list, plus the apostrophe-free spellings our
// tokenizer produces for contractions ("don't" -> "dont").
const ENGLISH = `
i me my myself we us our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves what which who whom
this that these those am is are was were be been being have has had having do does did
doing a an the and but if or because as until while of at by for with about against
between into through during before after above below to from up down in out on off over
under again further then once here there when where why how all any both each few more
most other some such no nor not only own same so than too very s t can will just don
should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn
mustn needn shan shouldn wasn weren wouldn
dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt cant couldnt wont wouldnt
shouldnt mustnt neednt shant im ive id youre youve youd youll hes shes its were theyre
theyve theyd theyll lets thats whats whos wheres whens whys hows heres theres
also would could may might must shall
`;

export const STOPWORDS: ReadonlySet<string> = new Set(ENGLISH.split(/\s+/).filter(Boolean));

/**
 * Words that only say "this is a question" in chat ("whats", "tell me", "explain") or
 * point at the corpus itself ("according to the article") and never carry the topic, and
 * chat shorthand ("tbh", "lol", "imo"), which no word list of written English has.
 * Dropped from queries only: documents keep them.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  `whats hows whys wheres whos whens tell explain describe please anyone someone
   know think mean means meaning say says said thing things besides
   go goes going gone went get gets getting got happen happens happened happening
   according article articles author authors writer source sources piece post corpus
   lol lmao tbh imo imho idk btw ngl rn pls plz thx ty ok okay hey hi yo q u ur`
    .split(/\s+/)
    .filter(Boolean),
);
