// Signing in and out with the form: the password goes to the server once and is not kept.
import { call, setToken, ApiError } from './api.js';

/** Who is signed in ({user, roles, csrfToken}), or null. */
export async function current() {
  try {
    const me = await call('GET', 'session');
    setToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(user, password) {
  const me = await call('POST', 'session', { user, password });
  setToken(me.csrfToken);
  return me;
}

export async function signOut() {
  try {
    await call('DELETE', 'session');
  } finally {
    setToken(null);
  }
}
