// The input area: Enter sends, Shift+Enter goes to a new line, the field grows with its text.
const MAX_HEIGHT_REM = 10;

export class Composer {
  constructor(form, textarea, sendButton, onSend) {
    this.form = form;
    this.textarea = textarea;
    this.sendButton = sendButton;
    this.onSend = onSend;
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
    textarea.addEventListener("input", () => this.#fit());
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
