/** More than any partner answer we expect (a tracking number, a reference, a short error). */
export const MAX_PARTNER_RESPONSE_BYTES = 64 * 1024;

export class ResponseTooLargeError extends Error {
  constructor(limit: number) {
    super(`answered more than ${limit} bytes`);
  }
}

/**
 * The body as text, reading at most `limit` bytes: a partner (or whoever answers in its name)
 * cannot make the worker buffer an unbounded answer. Stops reading, and throws, past the limit.
 */
export async function readCappedText(
  response: Response,
  limit = MAX_PARTNER_RESPONSE_BYTES,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
