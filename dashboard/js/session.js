// "Sign out", offered only where there is a session to end. On AWS in private mode the edge
// sign-in check answers SESSION_PATH (functions/dashboard-auth/edge-check.ts) with 200 for a
// signed-in reader; in public mode nothing does, and the link stays hidden. The check exists only
// behind CloudFront, which serves HTTPS only: the local dashboard (plain HTTP on 127.0.0.1) has no
// session and is not asked.

const SESSION_PATH = '/auth/session.json';

/**
 * Reveal `link` as a sign-out link when the edge reports a session.
 *
 * @param {HTMLAnchorElement} link
 * @example await offerSignOut(document.getElementById('sign-out'));
 */
export async function offerSignOut(link) {
  if (location.protocol !== 'https:') return;
  try {
    const response = await fetch(SESSION_PATH, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return;
    const session = await response.json();
    if (session?.signedIn !== true || typeof session.signOut !== 'string') return;
    link.href = session.signOut;
    link.hidden = false;
  } catch {
    // No session endpoint, or not JSON: there is no sign-in here, so nothing to sign out of.
  }
}
