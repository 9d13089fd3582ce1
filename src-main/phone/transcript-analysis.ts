import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { WinkMethods } from 'wink-nlp';
import type model from 'wink-eng-lite-web-model';

// Sentiment and keywords of a call transcript, on the laptop, with wink-nlp and its English
// model, which ships inside its npm package (nothing is downloaded). The model takes most of a
// second and ~25 MB to load, so it loads on the first transcript, not at start: required (both
// are CommonJS) rather than imported, because the transcript is analysed inside the write's
// synchronous transaction.
const requireModule = createRequire(import.meta.url);

export interface TranscriptAnalysis {
  /** -1 (negative) … 1 (positive), as wink-nlp scores it. */
  sentiment: number;
  /** Content words by frequency (lemmas, no stop words), at most ten. */
  keywords: string[];
}

let nlp: WinkMethods | undefined;

export function analyseTranscript(text: string): TranscriptAnalysis {
  nlp ??= (requireModule('wink-nlp') as typeof winkNLP)(requireModule('wink-eng-lite-web-model') as typeof model);
  const { its, as } = nlp;
  const doc = nlp.readDoc(text);
  const sentiment = Math.max(-1, Math.min(1, Number(doc.out(its.sentiment)) || 0));
  const words = doc.tokens().filter((token) => token.out(its.type) === 'word' && !token.out(its.stopWordFlag) && token.out().length > 2);
  // wink-nlp's typings do not admit its.lemma here, though its documentation does.
  const frequencies = words.out as unknown as (what: unknown, shape: unknown) => [string, number][];
  const table = frequencies.call(words, its.lemma, as.freqTable);
  return { sentiment: Math.round(sentiment * 1000) / 1000, keywords: table.slice(0, 10).map(([word]) => word.toLowerCase()) };
}
