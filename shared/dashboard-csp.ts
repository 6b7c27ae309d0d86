// The dashboard's Content-Security-Policy, sent by CloudFront on AWS and by the local dashboard
// server, so the page is tested locally under the rules it runs under in production: plain
// same-origin ES modules and stylesheets fetching same-origin JSON; nothing inline, nothing
// third-party, no framing.
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
