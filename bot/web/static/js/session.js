// One conversation per panel session: the Rasa sender id and the transcript live in
// sessionStorage, so a reload keeps the conversation and closing the tab forgets the patient.
// The sender id only names one of the signed-in regulator's conversations: Rasa prefixes it with their login.
const SENDER_KEY = "sas-panel.sender";
const ENTRIES_KEY = "sas-panel.entries";
const LOGIN_KEY = "sas-panel.login";

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

  // The transcript belongs to the regulator who wrote it: another one signing in starts afresh.
  keepFor(login) {
    if (this.storage.getItem(LOGIN_KEY) !== login) {
      this.restart();
      this.storage.setItem(LOGIN_KEY, login);
    }
  }

  // Signing out leaves nothing of the patients behind in this tab.
  forget() {
    this.storage.clear();
    this.entries = [];
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
