import { AppError } from '../app-error';

const DETAIL_CHARS = 300;

/** The server's own explanation: OpenAI-style `{error: {message}}`, `{error: "…"}`, `{message}`, or the start of the body. */
async function serverMessage(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  let message = body;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const candidate = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof candidate === 'string') message = candidate;
  } catch {
    // Not JSON: the text itself is the best explanation there is.
  }
  return message.trim().slice(0, DETAIL_CHARS);
}

/**
 * A failed HTTP answer as an error a creator can act on. A refused key is `forbidden`,
 * not `unauthorized`: that code means the studio's own access token was wrong, and the
 * browser client reacts to it by asking for a new link.
 */
export async function httpError(response: Response, server: { baseUrl: string; model: string }): Promise<AppError> {
  const detail = await serverMessage(response);
  const said = detail ? `: ${detail}` : '';
  const status = `HTTP ${response.status}`;
  if (response.status === 401 || response.status === 403) {
    return new AppError('forbidden', `The model server at ${server.baseUrl} refused the request (${status}); check the API key${said}`);
  }
  if (response.status === 404) {
    return /model/i.test(detail)
      ? new AppError('not_found', `The model server at ${server.baseUrl} has no model "${server.model}" (${status}${said})`)
      : new AppError(
          'not_found',
          `${response.url} does not exist (${status}); check the base URL: OpenAI-compatible servers usually answer under /v1`,
        );
  }
  if (response.status === 400 || response.status === 422) {
    return new AppError('invalid_input', `The model server at ${server.baseUrl} refused the request (${status})${said}`);
  }
  return new AppError('internal', `The model server at ${server.baseUrl} failed (${status})${said}`);
}

/** fetch's "fetch failed" with the reason it hides in `cause` (refused, unknown host, reset…). */
export function unreachableError(error: unknown, baseUrl: string): AppError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const reason =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (error as Error)?.message;
  return new AppError(
    'internal',
    `Could not reach the model server at ${baseUrl} (${reason}). Check that it is running and that the base URL is right.`,
  );
}

/** The server refused `response_format: json_schema`: not every OpenAI-compatible server supports it. */
export function refusesJsonSchema(error: unknown): boolean {
  return error instanceof AppError && error.code === 'invalid_input' && /response_format|json_schema/i.test(error.message);
}

/** The conversation is longer than the server's context. */
export function exceedsContext(error: unknown): boolean {
  return error instanceof AppError && error.code === 'invalid_input' && /context|too long|maximum.*tokens|exceed/i.test(error.message);
}
