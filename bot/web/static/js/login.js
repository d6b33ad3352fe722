// The sign-in page: login and password to POST /auth/login (the agenda answers with a session cookie the page
// never sees), or the OIDC provider's button when /config.json names one. Then back to the panel.
const PROBLEMS = {
  oidc: (provider) => `La connexion par ${provider} n'a pas abouti : réessayez.`,
  compte: () => "Aucun compte de régulateur n'est associé à cette identité : demandez-en un à l'administrateur du SAS.",
};

const byId = (id) => document.getElementById(id);

function showProblem(text) {
  const problem = byId("sign-in-problem");
  problem.textContent = text;
  problem.hidden = false;
}

async function provider() {
  try {
    const response = await fetch("/config.json", { cache: "no-store" });
    return response.ok ? (await response.json()).sign_in_with : null;
  } catch {
    return null;
  }
}

async function signIn(event) {
  event.preventDefault();
  const button = byId("sign-in-button");
  button.disabled = true;
  byId("sign-in-problem").hidden = true;
  try {
    const response = await fetch("/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ login: byId("login").value.trim(), password: byId("password").value }),
    });
    if (response.ok) {
      window.location.replace("/");
      return;
    }
    const answer = await response.json().catch(() => ({}));
    showProblem(answer.detail ?? `Connexion impossible (erreur ${response.status}).`);
    byId("password").select();
  } catch {
    showProblem("Le service d'agenda est injoignable : réessayez dans un instant.");
  } finally {
    button.disabled = false;
  }
}

async function start() {
  byId("sign-in").addEventListener("submit", signIn);
  const name = await provider();
  if (name) {
    byId("single-sign-on-link").textContent = `Se connecter avec ${name}`;
    byId("single-sign-on").hidden = false;
  }
  const reason = new URLSearchParams(window.location.search).get("erreur");
  if (PROBLEMS[reason]) showProblem(PROBLEMS[reason](name ?? "le fournisseur d'identité"));
  byId("login").focus();
  document.body.dataset.ready = "true";
}

start();
