// Rasa's REST channel: POST {rasa_url}/webhooks/rest/webhook -> [{text, buttons, custom}, ...]
const TIMEOUT_MS = 30000;

export class AssistantUnreachable extends Error {}

export async function sendToRasa(rasaUrl, sender, message, timeoutMs = TIMEOUT_MS) {
  let response;
  try {
    response = await fetch(`${rasaUrl.replace(/\/$/, "")}/webhooks/rest/webhook`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender, message }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new AssistantUnreachable(error.name === "TimeoutError"
      ? "L'assistant met trop de temps à répondre."
      : "L'assistant est injoignable.");
  }
  if (!response.ok) throw new AssistantUnreachable(`L'assistant a rencontré une erreur (${response.status}).`);
  const items = await response.json().catch(() => null);
  if (!Array.isArray(items)) throw new AssistantUnreachable("La réponse de l'assistant est illisible.");
  return items;
}
