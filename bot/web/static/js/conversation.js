// Sends what the regulator types (or clicks) to the assistant and shows what comes back.
// One exchange at a time, so replies come back in order; a failed exchange can be retried
// without retyping anything.
import { SignedOut } from "./account.js";
import { AssistantUnreachable, sendToRasa } from "./rasa.js";

export const NEW_PATIENT = "/nouveau_patient";

// Rasa's REST channel splits an utterance carrying a card into a text item (with its buttons)
// followed by a custom item: put them back together so the card can stand in for the text.
export function pairCards(items) {
  const messages = [];
  for (const { text, buttons, custom } of items) {
    const previous = messages.at(-1);
    if (custom && previous && previous.text && !previous.custom && !text) previous.custom = custom;
    else messages.push({ text, buttons, custom });
  }
  return messages;
}

export class Conversation {
  constructor({ rasaUrl, account, session, transcript, typing, composer }) {
    this.rasaUrl = rasaUrl;
    this.account = account;
    this.session = session;
    this.transcript = transcript;
    this.typing = typing;
    this.composer = composer;
    this.busy = false;
    this.idleWaiters = [];
  }

  // `display` is what the transcript shows for the message; null hides it (commands, retries).
  // Waits for the exchange in progress, if any (an upload may finish while the assistant answers).
  async send(message, display = message) {
    await this.#acquire();
    await this.#exchange(message, display);
  }

  // The reply in progress, if any, is let in first so that it cannot land in the new conversation.
  async restart() {
    await this.#acquire();
    this.session.restart();
    this.transcript.restore();
    await this.#exchange(NEW_PATIENT, null);
  }

  // Waiting and taking the turn happen in one step, so two waiters cannot both go.
  async #acquire() {
    while (this.busy) await new Promise((resolve) => this.idleWaiters.push(resolve));
    this.#setBusy(true);
  }

  async #exchange(message, display) {
    this.transcript.closeChoices();
    if (display) this.transcript.add({ type: "user", text: display });
    let nodes;
    try {
      const items = await sendToRasa(this.rasaUrl, this.session.sender, message, this.account);
      nodes = pairCards(items).map((item) => this.transcript.add({ type: "bot", ...item }));
    } catch (error) {
      if (error instanceof SignedOut) return; // on the way to the sign-in page; the transcript stays
      if (!(error instanceof AssistantUnreachable)) throw error;
      nodes = [this.transcript.add({
        type: "problem",
        text: `${error.message} Votre message n'est pas perdu : réessayez dans un instant.`,
        retry: message,
      })];
    } finally {
      this.#setBusy(false);
    }
    this.transcript.reveal(nodes[0]);
    this.#focusAfter(nodes);
  }

  #setBusy(busy) {
    this.busy = busy;
    this.typing.hidden = !busy;
    this.composer.setBusy(busy);
    if (!busy) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  // Offered times or an error take the focus (they are the next thing to act on); otherwise the input.
  #focusAfter(nodes) {
    const target = nodes.map((n) => n.querySelector("button.slot-time:not([disabled]), button.retry:not([disabled])"))
      .find(Boolean);
    if (target) target.focus();
    else this.composer.focus();
  }
}
