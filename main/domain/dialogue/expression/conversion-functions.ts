import { typeOfValue, type Value } from './ast';
import { formatValue } from './format-value';
import { FunctionArgumentError, type FunctionDefinition } from './function-definition';

/** The numbers `number("…")` reads: the language's own number syntax, with an optional minus and surrounding spaces. */
const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return Number(value);
  throw new FunctionArgumentError(`number() cannot read the ${typeOfValue(value)} ${JSON.stringify(value)} as a number`);
}

function toBool(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const word = value.trim().toLowerCase();
  if (word === 'true' || word === 'false') return word === 'true';
  throw new FunctionArgumentError(`bool() cannot read the string ${JSON.stringify(value)} as true or false`);
}

/**
 * Conversions between value types (the language never converts implicitly). Enum values
 * convert as their raw values: `string(Quest.Done)` is the case's string, `number(Planet.Earth)` its number.
 */
export const CONVERSION_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = {
  string: {
    params: ['any'],
    returns: 'string',
    summary: 'string(value) is the value as text, as interpolation shows it (3, 0.5, True)',
    call: ([value]) => formatValue(value),
  },
  number: {
    params: ['any'],
    returns: 'number',
    summary: 'number(value) is a number, a numeric string ("12.5") or a numeric enum value as a number; anything else is an error',
    call: ([value]) => toNumber(value),
  },
  bool: {
    params: ['any'],
    returns: 'bool',
    summary:
      'bool(value) is a bool as it is, a number as not zero, the string "true" or "false" (any case) as that; anything else is an error',
    call: ([value]) => toBool(value),
  },
  format_invariant: {
    params: ['number'],
    returns: 'string',
    summary: 'format_invariant(n) is the number as text, the same in every locale',
    call: ([n]) => formatValue(n),
  },
};
