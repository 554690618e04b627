import type { FastifyInstance } from 'fastify';

/**
 * Strict CSP: scripts and styles only from our own origin, no inline script, no framing.
 * The API docs page needs inline styles of its own, so only that path gets 'unsafe-inline' styles.
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  const csp = (styleSrc: string) =>
    [
      "default-src 'self'",
      "script-src 'self'",
      `style-src ${styleSrc}`,
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
  const strict = csp("'self'");
  const docs = csp("'self' 'unsafe-inline'");
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('Content-Security-Policy', req.url.startsWith('/api/docs') ? docs : strict);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (opts.hsts) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
