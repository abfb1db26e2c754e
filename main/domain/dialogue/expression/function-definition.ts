import type { DeclaredEnum } from './enum-cases';
import type { DialogueState } from '../dialogue-state-types';
import type { Expr, Value, ValueType } from './ast';

/** What an expression may read while it is evaluated: the state, enums, smart variables and the seeded generator. */
export interface EvaluationScope {
  readonly state: DialogueState;
  /** The dialogue being played, for `visited` and `visited_count`. */
  readonly dialogueId: string;
  /** Uniform in [0, 1), from the runtime's seeded generator. */
  random(): number;
  /** The dialogue's enums by name, for `Food.Apple` and `.Apple`. */
  readonly enums?: ReadonlyMap<string, DeclaredEnum>;
  /** Smart variables by name: reading one evaluates its expression against the current state. */
  readonly smart?: ReadonlyMap<string, Expr>;
}

/** A parameter's type; `any` takes every value (enum values included). */
export type ParamType = ValueType | 'any';

export interface FunctionDefinition {
  readonly params: readonly ParamType[];
  /** How many leading params a call must give; the rest are optional. All of them when absent. */
  readonly required?: number;
  readonly returns: ValueType;
  readonly summary: string;
  call(args: readonly Value[], scope: EvaluationScope): Value;
}

/** Thrown by a function given an argument its signature allows but its meaning does not. */
export class FunctionArgumentError extends Error {}

/** Thrown by `assert` when its condition is false; `detail` is its message argument, when given. */
export class AssertionFailed extends FunctionArgumentError {
  constructor(readonly detail: string | undefined) {
    super(detail === undefined ? 'Assertion failed' : `Assertion failed: ${detail}`);
  }
}
