export type CardErrorCode =
  | 'not_a_card'
  | 'lorebook_not_card'
  | 'unsupported_spec'
  | 'invalid_card'
  | 'too_large'
  | 'bad_json'
  | 'bad_base64'
  | 'bad_png'
  | 'bad_crc'
  | 'no_card_in_png';

/** Why a file is not a card we can import, in words a creator can act on. */
export class CardError extends Error {
  constructor(
    readonly code: CardErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CardError';
  }
}
