let counter = 0;

/** A request id for streamed calls; works without crypto.randomUUID (plain-http LAN origins lack it). */
export function newRequestId(prefix = 'req'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
