// The signed-in regulator, as the panel sees them: the session (an HttpOnly cookie the page never reads) is asked
// for who is signed in and its CSRF token (GET /auth/session); short-lived access tokens for Rasa's channel are
// drawn from it (POST /auth/session/token) and kept in memory only. Without a session: the sign-in page.
const EARLY_S = 60; // a new token a minute before the current one expires

export class SignedOut extends Error {}

export class Account {
  constructor({ login, name, role, csrf_token: csrfToken }) {
    this.login = login;
    this.name = name;
    this.role = role;
    this.csrfToken = csrfToken;
    this.token = null;
    this.tokenEnds = 0;
  }

  // The current session's account, or off to the sign-in page.
  static async load() {
    const response = await fetch("/auth/session", { cache: "no-store" });
    if (response.status === 401) Account.signInAgain();
    if (!response.ok) throw new SignedOut(`session illisible (${response.status})`);
    return new Account(await response.json());
  }

  static signInAgain() {
    window.location.replace("/login");
    throw new SignedOut("session terminée");
  }

  // Headers for the agenda's requests that change something.
  csrfHeaders() {
    return { "X-CSRF-Token": this.csrfToken };
  }

  // An access token for Rasa's channel; `renew` when the last one was refused.
  async accessToken(renew = false) {
    if (!renew && this.token && Date.now() < this.tokenEnds) return this.token;
    const response = await fetch("/auth/session/token", { method: "POST", headers: this.csrfHeaders() });
    if (response.status === 401 || response.status === 403) Account.signInAgain();
    if (!response.ok) throw new SignedOut(`jeton refusé (${response.status})`);
    const { access_token: token, expires_in: seconds } = await response.json();
    this.token = token;
    this.tokenEnds = Date.now() + Math.max(seconds - EARLY_S, 1) * 1000;
    return token;
  }

  async signOut() {
    await fetch("/auth/logout", { method: "POST", headers: this.csrfHeaders() }).catch(() => null);
    window.location.replace("/login");
  }
}
