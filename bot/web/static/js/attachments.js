// Attachments: checked here (type, size) and again by the agenda, uploaded with a progress bar,
// then announced to the assistant with /joindre_piece{"piece_jointe": "<id>"}.
import { el } from "./dom.js";
import { formatSize } from "./format.js";

export const ALLOWED_EXTENSIONS = [".pdf", ".jpg", ".jpeg", ".png"];
export const MAX_BYTES = 50 * 1024 * 1024;
const UPLOAD_URL = "/api/attachments";

// Why the panel refuses a file before sending it, in a sentence; null when it may be sent.
export function refusal(file) {
  const name = file.name.toLowerCase();
  const reason = !ALLOWED_EXTENSIONS.some((ext) => name.endsWith(ext))
    ? "seuls les fichiers PDF, JPG, JPEG et PNG sont acceptés"
    : file.size === 0 ? "le fichier est vide"
      : file.size >= MAX_BYTES ? `il pèse ${formatSize(file.size)}, il doit faire moins de 50 Mo` : null;
  return reason && `Fichier refusé : « ${file.name} » — ${reason}.`;
}

class UploadRefused extends Error {}
class AgendaUnreachable extends Error {}

// XMLHttpRequest rather than fetch: only it reports upload progress. The session cookie goes with it; the CSRF
// token says the panel itself sends it.
function upload(file, onProgress, account) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    body.append("file", file);
    xhr.open("POST", UPLOAD_URL);
    for (const [name, value] of Object.entries(account.csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = "json";
    xhr.timeout = 5 * 60 * 1000; // 50 Mo on a slow hospital network
    xhr.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener("load", () => {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.response?.id) resolve(xhr.response);
      else if (xhr.status === 422 || xhr.status === 413) {
        reject(new UploadRefused(xhr.response?.errors?.file ?? "Fichier refusé par le service d'agenda."));
      } else if (xhr.status === 401 || xhr.status === 403) {
        reject(new UploadRefused(`Session terminée : « ${file.name} » n'a pas été envoyé. Rechargez la page pour vous reconnecter.`));
      } else reject(new AgendaUnreachable(`erreur ${xhr.status}`));
    });
    xhr.addEventListener("error", () => reject(new AgendaUnreachable("service injoignable")));
    xhr.addEventListener("timeout", () => reject(new AgendaUnreachable("délai dépassé")));
    xhr.send(body);
  });
}

export class Attachments {
  constructor({ input, chooseButton, dropZone, progressArea, transcript, conversation, account }) {
    this.input = input;
    this.account = account;
    this.progressArea = progressArea;
    this.transcript = transcript;
    this.conversation = conversation;
    chooseButton.addEventListener("click", () => input.click());
    input.addEventListener("change", () => {
      this.attach([...input.files]);
      input.value = "";
    });
    this.#acceptDrops(dropZone);
  }

  async attach(files) {
    for (const file of files) await this.#attachOne(file);
  }

  async #attachOne(file) {
    const refused = refusal(file);
    if (refused) return this.#problem(refused);
    let stored;
    try {
      stored = await this.#uploadWithProgress(file);
    } catch (error) {
      if (error instanceof UploadRefused) return this.#problem(error.message);
      if (error instanceof AgendaUnreachable) {
        return this.#problem(`Le service d'agenda ne répond pas (${error.message}) : « ${file.name} » n'a pas été envoyé.`);
      }
      throw error;
    }
    this.transcript.add({ type: "attachment", filename: stored.filename, size: stored.size });
    await this.conversation.send(`/joindre_piece${JSON.stringify({ piece_jointe: stored.id })}`, null);
  }

  async #uploadWithProgress(file) {
    const progress = el("progress", { max: "100", value: "0", "aria-label": `Envoi de ${file.name}` });
    const label = el("span", { class: "upload-label" }, `Envoi de ${file.name}… 0 %`);
    this.progressArea.replaceChildren(label, progress);
    this.progressArea.hidden = false;
    try {
      return await upload(file, (ratio) => {
        const percent = Math.round(ratio * 100);
        progress.value = percent;
        label.textContent = `Envoi de ${file.name}… ${percent} %`;
      }, this.account);
    } finally {
      this.progressArea.hidden = true;
      this.progressArea.replaceChildren();
    }
  }

  #problem(text) {
    const node = this.transcript.add({ type: "problem", text, retry: null });
    this.transcript.reveal(node);
  }

  #acceptDrops(zone) {
    const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes("Files");
    let depth = 0; // dragenter/dragleave fire for every child crossed
    zone.addEventListener("dragenter", (e) => {
      if (!hasFiles(e)) return;
      depth += 1;
      zone.classList.add("dropping");
    });
    zone.addEventListener("dragleave", () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) zone.classList.remove("dropping");
    });
    zone.addEventListener("dragover", (e) => {
      if (hasFiles(e)) e.preventDefault();
    });
    zone.addEventListener("drop", (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      zone.classList.remove("dropping");
      this.attach([...e.dataTransfer.files]);
    });
  }
}
