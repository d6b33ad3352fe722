// Wires the panel together. Settings, labels and the time zone come from the agenda service's /config.json.
import { Attachments } from "./attachments.js";
import { Composer } from "./composer.js";
import { Conversation } from "./conversation.js";
import { configure } from "./format.js";
import { Session } from "./session.js";
import { Transcript } from "./transcript.js";

async function loadConfig() {
  const fallback = { rasa_url: `${location.protocol}//${location.hostname}:5005` };
  try {
    const response = await fetch("/config.json", { cache: "no-store" });
    return response.ok ? { ...fallback, ...(await response.json()) } : fallback;
  } catch {
    return fallback;
  }
}

async function start() {
  const config = await loadConfig();
  configure(config);
  const byId = (id) => document.getElementById(id);
  const session = new Session();
  let conversation = null;
  const transcript = new Transcript(byId("transcript"), byId("empty-hint"), session,
    (payload, display) => conversation.send(payload, display));
  const composer = new Composer(byId("composer"), byId("message"), byId("send"),
    (text) => conversation.send(text));
  conversation = new Conversation({
    rasaUrl: config.rasa_url, session, transcript, typing: byId("typing"), composer,
  });
  new Attachments({
    input: byId("file"),
    chooseButton: byId("attach"),
    dropZone: document.body,
    progressArea: byId("upload"),
    transcript,
    conversation,
  });
  byId("new-patient").addEventListener("click", () => {
    composer.focus();
    conversation.restart();
  });
  transcript.restore();
  composer.focus();
  document.body.dataset.ready = "true"; // lets tests (and people) know the panel is wired
}

start();
