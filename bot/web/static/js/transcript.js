// The conversation view: renders stored entries and keeps the newest reply in sight.
// Entry types: user {text} · attachment {filename, size} · bot {text, buttons, custom}
// · problem {text, retry} (the panel's own errors). Only the latest reply's choices are live:
// `closed` disables the choices of an entry once the conversation has moved on.
// A bot entry with a card shows the card instead of its text, then the buttons the card lacks.
import { el, icon } from "./dom.js";
import { offeredPayloads, problem, renderCustom } from "./cards.js";
import { formatSize } from "./format.js";

export class Transcript {
  constructor(root, emptyHint, session, onChoose) {
    this.root = root;
    this.emptyHint = emptyHint;
    this.session = session;
    this.onChoose = onChoose; // (payload, display) => void
    this.nodes = new Map();
  }

  restore() {
    this.root.replaceChildren();
    this.nodes.clear();
    this.session.entries.forEach((entry) => this.#append(entry));
    this.#updateHint();
    this.root.scrollTop = this.root.scrollHeight;
  }

  add(entry) {
    const stored = this.session.add(entry);
    const node = this.#append(stored);
    this.#updateHint();
    return node;
  }

  // Called when a message leaves, whether typed or clicked: older buttons would answer a stale question.
  closeChoices() {
    const open = this.session.entries.filter((entry) => !entry.closed && (entry.type === "bot" || entry.type === "problem"));
    for (const entry of open) {
      entry.closed = true;
      this.nodes.get(entry.id)?.replaceWith(this.#render(entry));
    }
    if (open.length) this.session.save();
  }

  // Show the start of a long reply rather than its end.
  reveal(firstNew) {
    this.root.scrollTop = this.root.scrollHeight;
    if (firstNew && firstNew.offsetTop - this.root.offsetTop < this.root.scrollTop) {
      this.root.scrollTop = firstNew.offsetTop - this.root.offsetTop - 8;
    }
  }

  #append(entry) {
    const node = this.#render(entry);
    this.root.append(node);
    return node;
  }

  #render(entry) {
    const node = RENDER[entry.type](entry, this.onChoose);
    node.dataset.entry = entry.id;
    this.nodes.set(entry.id, node);
    return node;
  }

  #updateHint() {
    this.emptyHint.hidden = this.session.entries.length > 0;
  }
}

const RENDER = {
  user: (entry) => el("div", { class: "message message-user" },
    el("span", { class: "visually-hidden" }, "Vous : "),
    el("p", { class: "bubble" }, entry.text)),

  attachment: (entry) => el("div", { class: "message message-user" },
    el("p", { class: "chip" }, icon("clip"),
      el("span", { class: "visually-hidden" }, "Pièce jointe : "),
      el("span", { class: "chip-name" }, entry.filename),
      entry.size ? el("span", { class: "chip-size" }, formatSize(entry.size)) : null)),

  bot: (entry, choose) => {
    const ctx = { text: entry.text, closed: Boolean(entry.closed), choose };
    const card = renderCustom(entry.custom, ctx);
    const offered = card ? offeredPayloads(entry.custom) : [];
    const buttons = (entry.buttons ?? []).filter((b) => !offered.includes(b.payload));
    return el("div", { class: "message message-bot" },
      el("span", { class: "visually-hidden" }, "Assistant : "),
      card ?? (entry.text ? el("p", { class: "bubble" }, entry.text) : null),
      buttons.length ? el("div", { class: "choices" }, buttons.map((b) => el("button", {
        type: "button", class: "choice", disabled: ctx.closed, onclick: () => choose(b.payload, b.title),
      }, b.title))) : null);
  },

  problem: (entry, choose) => el("div", { class: "message message-bot" },
    problem(entry.text, entry.retry ? () => choose(entry.retry, null) : null, Boolean(entry.closed))),
};
