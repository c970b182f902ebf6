/**
 * Language identification with fastText's lid.176 model, shipped inside the `fasttext.wasm.js` npm package
 * (model licence CC BY-SA 3.0). Loading takes ~140 ms once; a 3 KB text is then identified in ~0.6 ms.
 */
import { getLIDModel } from 'fasttext.wasm.js';

export interface LanguageGuess {
  /** ISO 639-1 where one exists, else ISO 639-3; 'und' when the text has no letters to judge. */
  language: string;
  /** The model's probability for that language, 0..1. */
  confidence: number;
}

export interface LanguageIdentifier {
  identify(text: string): LanguageGuess;
}

/** Longer texts add nothing to the guess and cost time: fastText averages word vectors over the sample. */
const SAMPLE_CHARS = 2000;

interface PredictionVector {
  size(): number;
  get(i: number): [number, string];
  delete?: () => void;
}
interface LoadedModel {
  predict(text: string, k: number, threshold: number): PredictionVector;
}

/** Loads the model once; `identify` is synchronous afterwards. */
export async function createLanguageIdentifier(): Promise<LanguageIdentifier> {
  const lid = await getLIDModel();
  const model = (await lid.load()) as unknown as LoadedModel;
  const normalize = (raw: string) =>
    (lid.constructor as unknown as { formatLang(raw: string): { alpha2: string | null; alpha3: string } }).formatLang(
      raw,
    );
  return {
    identify(text: string): LanguageGuess {
      // fastText reads one line; URLs, handles and digits carry no language signal.
      const sample = text
        .slice(0, SAMPLE_CHARS)
        .replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+|[@#]\w+/g, ' ')
        .replace(/[\d\s]+/g, ' ')
        .trim();
      if (!/\p{L}/u.test(sample)) return { language: 'und', confidence: 0 };
      const vector = model.predict(sample, 1, 0);
      try {
        if (vector.size() === 0) return { language: 'und', confidence: 0 };
        const [probability, label] = vector.get(0);
        const code = normalize(label);
        return { language: code?.alpha2 ?? code?.alpha3 ?? 'und', confidence: Math.min(1, Math.max(0, probability)) };
      } finally {
        vector.delete?.();
      }
    },
  };
}
