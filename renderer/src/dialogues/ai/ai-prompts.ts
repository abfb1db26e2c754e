/**
 * Every prompt the dialogue editor sends to the model, in one place so their wording can
 * be tuned together. Each takes plain strings and returns plain strings.
 */

/** Who speaks: what the NPC's record says about them, whatever fields it has. */
export interface Persona {
  name: string;
  description: string;
}

export const NO_PERSONA: Persona = { name: '', description: '' };

export function systemPrompt(persona: Persona): string {
  const who = persona.name
    ? `You write dialogue for ${persona.name}, a character in a game.`
    : 'You write dialogue for a character in a game.';
  const about = persona.description ? `\nAbout ${persona.name || 'them'}: ${persona.description}` : '';
  return `${who}${about}\nWrite natural, in-character lines. Reply with the requested text only: no quotes, no stage directions, no commentary.`;
}

const context = (previous: readonly string[]) => (previous.length ? `The conversation so far:\n${previous.join('\n')}\n\n` : '');

export function lineInVoicePrompt(previous: readonly string[], current: string, speaker: string, instruction = ''): string {
  const task = current.trim()
    ? `Rewrite this line in ${speaker || 'the character'}'s voice, keeping its meaning: "${current.trim()}"`
    : `Write the next line ${speaker || 'the character'} says.`;
  return `${context(previous)}${task}${instruction ? `\nGuidance: ${instruction}` : ''}\nOne or two sentences.`;
}

export function playerResponsesPrompt(previous: readonly string[]): string {
  return `${context(previous)}Suggest three short, different things the player could answer next (a friendly one, a curious one, a blunt one). At most ten words each.`;
}

export function expandBranchPrompt(previous: readonly string[], lineCount: number, speaker: string): string {
  return `${context(previous)}Continue this conversation with ${lineCount} lines spoken by ${speaker || 'the character'}, then three short answers the player can choose from.`;
}
