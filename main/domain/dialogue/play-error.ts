/**
 * Content that cannot be played on (a condition that does not parse, a value of the wrong
 * type, a failed assertion): the runtime ends the conversation with reason `error` and this message.
 */
export class PlayError extends Error {
  override name = 'PlayError';
}
