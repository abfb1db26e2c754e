import type { ChoiceOptionView } from '../dialogue/runtime';

/** The answer when the player's words fit none of the choices on screen. */
export const NO_CHOICE = 'none';

/**
 * The JSON schema the model's answer is held to when it maps what the player typed to a
 * choice: one of the ids of the choices that can be taken now, or `none`. The grammar
 * built from it makes any other answer impossible.
 */
export function choiceMappingSchema(options: readonly ChoiceOptionView[]) {
  const ids = options.filter((option) => option.available).map((option) => option.id);
  return {
    type: 'object',
    properties: { choice: { enum: [...ids, NO_CHOICE] } },
    required: ['choice'],
    additionalProperties: false,
  } as const;
}

/** The prompt that asks the model which choice the player meant. */
export function choiceMappingPrompt(playerText: string, options: readonly ChoiceOptionView[]): string {
  const list = options
    .filter((option) => option.available)
    .map((option) => `- ${option.id}: ${option.text}`)
    .join('\n');
  return (
    `The player can answer with one of these choices (id: text):\n${list}\n\n` +
    `The player typed: "${playerText}"\n\n` +
    `Which choice did the player mean? Answer with its id, or "${NO_CHOICE}" when none fits.`
  );
}

/** The id the model picked, if it names a choice that can be taken now; otherwise null. */
export function mappedChoice(answer: unknown, options: readonly ChoiceOptionView[]): string | null {
  const choice = typeof answer === 'object' && answer !== null ? (answer as { choice?: unknown }).choice : undefined;
  if (typeof choice !== 'string' || choice === NO_CHOICE) return null;
  return options.some((option) => option.available && option.id === choice) ? choice : null;
}
