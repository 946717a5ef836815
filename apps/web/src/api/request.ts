import { ApiError } from './ApiError.ts';

// The server refuses state-changing requests without it (a cross-site form or script cannot set it).
const CSRF_HEADER = { 'x-samplan-csrf': '1' };

/** JSON over HTTP with the session cookie; throws ApiError for every non-2xx answer. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(method === 'GET' ? {} : CSRF_HEADER),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', 0, 'network error');
  }
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(
      error?.code ?? `HTTP_${response.status}`,
      response.status,
      error?.message ?? response.statusText,
    );
  }
  return data as T;
}
