import { FunctionArgumentError, type FunctionDefinition } from './function-definition';

const MAX_RANDOM = 2 ** 31;

const wholeNumber = (name: string, value: number, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new FunctionArgumentError(
      `${name}() needs a whole number from ${min === -MAX_RANDOM ? '-2^31' : min} to ${max === MAX_RANDOM ? '2^31' : max}, got ${value}`,
    );
  }
  return value;
};

/** Rounds half away from zero (2.5 → 3, -2.5 → -3), as every runtime does. */
const roundHalfAway = (n: number): number => Math.sign(n) * Math.round(Math.abs(n));

const number1 = (summary: string, fn: (n: number) => number): FunctionDefinition => ({
  params: ['number'],
  returns: 'number',
  summary,
  call: ([n]) => fn(n as number),
});

/** Arithmetic helpers and the seeded dice, all on numbers (doubles). */
export const MATH_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = {
  random: {
    params: ['number'],
    returns: 'number',
    summary: 'random(n) is a whole number from 0 to n - 1, from the seeded generator',
    call: ([n], scope) => Math.floor(scope.random() * wholeNumber('random', n as number, 1, MAX_RANDOM)),
  },
  random_range: {
    params: ['number', 'number'],
    returns: 'number',
    summary: 'random_range(a, b) is a whole number from a to b inclusive, from the seeded generator',
    call: ([a, b], scope) => {
      const low = wholeNumber('random_range', a as number, -MAX_RANDOM, MAX_RANDOM);
      const high = wholeNumber('random_range', b as number, -MAX_RANDOM, MAX_RANDOM);
      if (high < low)
        throw new FunctionArgumentError(`random_range() needs a low end no greater than the high end, got ${low} and ${high}`);
      return low + Math.floor(scope.random() * (high - low + 1));
    },
  },
  dice: {
    params: ['number'],
    returns: 'number',
    summary: 'dice(n) is a whole number from 1 to n, from the seeded generator',
    call: ([n], scope) => 1 + Math.floor(scope.random() * wholeNumber('dice', n as number, 1, MAX_RANDOM)),
  },
  min: {
    params: ['number', 'number'],
    returns: 'number',
    summary: 'min(a, b) is the smaller of two numbers',
    call: ([a, b]) => Math.min(a as number, b as number),
  },
  max: {
    params: ['number', 'number'],
    returns: 'number',
    summary: 'max(a, b) is the larger of two numbers',
    call: ([a, b]) => Math.max(a as number, b as number),
  },
  round: number1('round(n) is n rounded to the nearest whole number, halves away from zero', roundHalfAway),
  round_places: {
    params: ['number', 'number'],
    returns: 'number',
    summary: 'round_places(n, places) is n rounded to that many decimal places (0 to 10), halves away from zero',
    call: ([n, places]) => {
      const scale = 10 ** wholeNumber('round_places', places as number, 0, 10);
      return roundHalfAway((n as number) * scale) / scale;
    },
  },
  floor: number1('floor(n) is the largest whole number not above n', Math.floor),
  ceil: number1('ceil(n) is the smallest whole number not below n', Math.ceil),
  inc: number1('inc(n) is n + 1 for a whole number, else the next whole number up', (n) => (Number.isInteger(n) ? n + 1 : Math.ceil(n))),
  dec: number1('dec(n) is n - 1 for a whole number, else the next whole number down', (n) => (Number.isInteger(n) ? n - 1 : Math.floor(n))),
  decimal: number1('decimal(n) is the fractional part of n (n - int(n))', (n) => n - Math.trunc(n)),
  int: number1('int(n) is n with its fractional part dropped (towards zero)', Math.trunc),
};
