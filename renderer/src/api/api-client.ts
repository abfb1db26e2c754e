import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../preload/api';
import type { ErrorIssue, ErrorValue } from '../../../main/domain/result';
import type { Transport } from './transport';

/** A failed call, with the error code and message from the Studio, and for a refused input the fields at fault. */
export class ApiError extends Error {
  readonly code: ErrorValue['code'];
  readonly issues: readonly ErrorIssue[];
  constructor(error: ErrorValue) {
    super(error.message);
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

/** The call never reached the Studio: the server or main process is gone (for now). */
export class UnreachableError extends Error {}

/** The typed client every store and component uses; built on a transport so tests can hand it an in-process Studio. */
export class ApiClient {
  constructor(private readonly transport: Transport) {}

  get host(): Transport['kind'] {
    return this.transport.kind;
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.transport.call(method, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as MethodOutput<M>;
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.onEvent((event) => {
      if (event.name === name) listener(event.payload as EventPayload<E>);
    });
  }
}
