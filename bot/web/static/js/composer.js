// The input area: Enter sends, Shift+Enter goes to a new line, the field grows with its text. A message over the
// assistant's limit (`limit`: {maxChars, refusal} from /config.json) is not sent: it stays in the field, with why.
const MAX_HEIGHT_REM = 10;

export class Composer {
  constructor(form, textarea, sendButton, onSend, problem, limit = { maxChars: Infinity, refusal: "" }) {
    this.form = form;
    this.textarea = textarea;
    this.sendButton = sendButton;
    this.onSend = onSend;
    this.problem = problem;
    this.limit = limit;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#submit();
    });
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#submit();
      }
    });
    textarea.addEventListener("input", () => {
      this.#fit();
      if (this.textarea.value.trim().length <= this.limit.maxChars) this.problem.hidden = true;
    });
  }

  focus() {
    this.textarea.focus();
  }

  // The field stays editable while the assistant works, so the next message can be prepared.
  setBusy(busy) {
    this.sendButton.setAttribute("aria-disabled", String(busy));
  }

  #submit() {
    const text = this.textarea.value.trim();
    if (!text || this.sendButton.getAttribute("aria-disabled") === "true") return;
    if (text.length > this.limit.maxChars) {
      this.problem.textContent = this.limit.refusal;
      this.problem.hidden = false;
      return;
    }
    this.textarea.value = "";
    this.#fit();
    this.onSend(text);
  }

  #fit() {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    this.textarea.style.height = "auto";
    this.textarea.style.height = `${Math.min(this.textarea.scrollHeight + 2, MAX_HEIGHT_REM * rem)}px`;
  }
}
