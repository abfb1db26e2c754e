import { own } from '../own-property';
import { CHECK_FUNCTIONS } from './check-functions';
import { CONVERSION_FUNCTIONS } from './conversion-functions';
import { MATH_FUNCTIONS } from './math-functions';
import type { FunctionDefinition } from './function-definition';
import { STATE_FUNCTIONS } from './state-functions';

export {
  FunctionArgumentError,
  AssertionFailed,
  type EvaluationScope,
  type FunctionDefinition,
  type ParamType,
} from './function-definition';

/**
 * The functions expressions may call: plain reads of the dialogue state, arithmetic helpers,
 * conversions and `assert`, each small enough that every runtime implements exactly the same set.
 */
export const EXPRESSION_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = Object.freeze({
  ...STATE_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...CHECK_FUNCTIONS,
});

export const lookupFunction = (name: string): FunctionDefinition | undefined => own(EXPRESSION_FUNCTIONS, name);

/** Whether a call may give `count` arguments. */
export const acceptsArgumentCount = (fn: FunctionDefinition, count: number): boolean =>
  count >= (fn.required ?? fn.params.length) && count <= fn.params.length;

/** `takes 2 argument(s)` or `takes 1 to 2 argument(s)`, for messages. */
export const describeArity = (fn: FunctionDefinition): string => {
  const required = fn.required ?? fn.params.length;
  return required === fn.params.length ? `${required} argument(s)` : `${required} to ${fn.params.length} argument(s)`;
};
