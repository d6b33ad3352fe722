// Rasa's REST channel: POST {rasa_url}/webhooks/rest/webhook -> [{text, buttons, custom}, ...], signed in with the
// regulator's access token (the conversation is theirs: Rasa prefixes `sender` with their login).
import { SignedOut } from "./account.js";

const TIMEOUT_MS = 30000;

export class AssistantUnreachable extends Error {}

async function token(account, renew) {
  try {
    return await account.accessToken(renew);
  } catch (error) {
    if (error instanceof SignedOut) throw error;
    throw new AssistantUnreachable("Le service d'agenda, qui ouvre la session, est injoignable.");
  }
}

async function post(rasaUrl, sender, message, accessToken, timeoutMs) {
  try {
    return await fetch(`${rasaUrl.replace(/\/$/, "")}/webhooks/rest/webhook`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ sender, message }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new AssistantUnreachable(error.name === "TimeoutError"
      ? "L'assistant met trop de temps à répondre."
      : "L'assistant est injoignable.");
  }
}

export async function sendToRasa(rasaUrl, sender, message, account, timeoutMs = TIMEOUT_MS) {
  let response = await post(rasaUrl, sender, message, await token(account, false), timeoutMs);
  if (response.status === 401) { // the token expired on the way: once more with a new one
    response = await post(rasaUrl, sender, message, await token(account, true), timeoutMs);
  }
  if (!response.ok) {
    // A refusal in French says why (503: its conversation store did not answer, the message was not processed).
    const refusal = await response.json().catch(() => null);
    throw new AssistantUnreachable(refusal?.detail ?? `L'assistant a rencontré une erreur (${response.status}).`);
  }
  const items = await response.json().catch(() => null);
  if (!Array.isArray(items)) throw new AssistantUnreachable("La réponse de l'assistant est illisible.");
  return items;
}
