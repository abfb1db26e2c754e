const LEXICON =
  'the sea bell keeper rang under grey waves and nobody in village would say why old lantern tide stone harbour she he they walked across cold wind salt rope night morning ship gull widow light of a to was had'.split(
    ' ',
  );

/**
 * A deterministic story of about `words` words: chapters and sections of paragraphs with some
 * emphasis, as a novel draft looks. Used by the typing benchmark and the story tests.
 */
export function generateStory(words: number): string {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const parts: string[] = [];
  let written = 0;
  for (let chapter = 1; written < words; chapter++) {
    parts.push(`# Chapter ${chapter}`);
    for (let section = 1; section <= 4 && written < words; section++) {
      parts.push(`## Part ${chapter}.${section}`);
      for (let p = 0; p < 6 && written < words; p++) {
        const length = 60 + (next() % 80);
        const sentence = Array.from({ length }, (_, i) => {
          const word = LEXICON[next() % LEXICON.length];
          return i % 17 === 5 ? `*${word}*` : word;
        });
        written += length;
        parts.push(`${sentence.join(' ')}.`);
      }
    }
  }
  return parts.join('\n\n');
}
