import { AssertionFailed, type FunctionDefinition } from './function-definition';

/** Functions called for their effect on the conversation. */
export const CHECK_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = {
  assert: {
    params: ['bool', 'string'],
    required: 1,
    returns: 'bool',
    summary: 'assert(condition) or assert(condition, "message") ends the conversation with an error when the condition is false',
    call: ([condition, message]) => {
      if (condition !== true) throw new AssertionFailed(message as string | undefined);
      return true;
    },
  },
};
