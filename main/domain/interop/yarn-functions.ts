import { InteropError } from './interop-error';
import { subexpressions, type YarnExpr } from './yarn-expression';

export type YarnType = 'bool' | 'number' | 'string';
type Param = YarnType | 'any';

interface Signature {
  params: readonly Param[];
  /** Trailing parameters that may be left out. */
  optional?: number;
  returns: YarnType;
}

const number1: Signature = { params: ['number'], returns: 'number' };
const number2: Signature = { params: ['number', 'number'], returns: 'number' };

/**
 * The functions an imported expression may call: Yarn Spinner's built-ins that Loreweaver's
 * language has with the same meaning, and Loreweaver's own (which a Yarn project would
 * register as custom functions). Yarn's `random()` (a fraction) differs from Loreweaver's
 * `random(n)` (a whole number below n), so only the one-argument form is accepted.
 */
export const YARN_FUNCTIONS: Readonly<Record<string, Signature>> = {
  visited: { params: ['string'], returns: 'bool' },
  visited_count: { params: ['string'], returns: 'number' },
  min: number2,
  max: number2,
  round: number1,
  round_places: number2,
  floor: number1,
  ceil: number1,
  inc: number1,
  dec: number1,
  decimal: number1,
  int: number1,
  random_range: number2,
  dice: number1,
  random: number1,
  string: { params: ['any'], returns: 'string' },
  number: { params: ['any'], returns: 'number' },
  bool: { params: ['any'], returns: 'bool' },
  format_invariant: { params: ['number'], returns: 'string' },
  assert: { params: ['bool', 'string'], optional: 1, returns: 'bool' },
  active: { params: ['string'], returns: 'bool' },
  completed: { params: ['string'], returns: 'bool' },
  failed: { params: ['string'], returns: 'bool' },
  quest_stage: { params: ['string'], returns: 'number' },
  quest_stage_id: { params: ['string'], returns: 'string' },
  objective_done: { params: ['string', 'string'], returns: 'bool' },
  objective_count: { params: ['string', 'string'], returns: 'number' },
  item_count: { params: ['string'], returns: 'number' },
};

export const functionSignature = (name: string): Signature | undefined =>
  Object.prototype.hasOwnProperty.call(YARN_FUNCTIONS, name) ? YARN_FUNCTIONS[name] : undefined;

/** Refuses calls of functions Loreweaver does not have, or with a number of arguments it does not take, naming the line. */
export function checkCalls(expr: YarnExpr, line: number): void {
  for (const node of subexpressions(expr)) {
    if (node.type !== 'call') continue;
    const signature = functionSignature(node.name);
    if (!signature) throw new InteropError(`Line ${line}: the function ${node.name}() is not supported`);
    const most = signature.params.length;
    const least = most - (signature.optional ?? 0);
    if (node.args.length < least || node.args.length > most)
      throw new InteropError(`Line ${line}: ${node.name}() with ${node.args.length} argument${node.args.length === 1 ? '' : 's'} is not supported`);
  }
}
