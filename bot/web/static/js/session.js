// One conversation per panel session: the Rasa sender id and the transcript live in
// sessionStorage, so a reload keeps the conversation and closing the tab forgets the patient.
const SENDER_KEY = "sas-panel.sender";
const ENTRIES_KEY = "sas-panel.entries";

function newSenderId() {
  // crypto.randomUUID needs a secure context; getRandomValues works everywhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `panel-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export class Session {
  constructor(storage = window.sessionStorage) {
    this.storage = storage;
    this.sender = storage.getItem(SENDER_KEY) ?? this.#rememberSender(newSenderId());
    this.entries = JSON.parse(storage.getItem(ENTRIES_KEY) ?? "[]");
  }

  #rememberSender(id) {
    this.storage.setItem(SENDER_KEY, id);
    return id;
  }

  restart() {
    this.sender = this.#rememberSender(newSenderId());
    this.entries = [];
    this.save();
  }

  add(entry) {
    const stored = { id: `${this.sender}-${this.entries.length}`, ...entry };
    this.entries.push(stored);
    this.save();
    return stored;
  }

  save() {
    this.storage.setItem(ENTRIES_KEY, JSON.stringify(this.entries));
  }
}
