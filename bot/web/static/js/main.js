// Wires the panel together, once a regulator is signed in (otherwise: the sign-in page). Settings, labels and the
// time zone come from the agenda service's /config.json.
import { Account, SignedOut } from "./account.js";
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
  const [config, account] = await Promise.all([loadConfig(), Account.load()]);
  configure(config);
  const byId = (id) => document.getElementById(id);
  const session = new Session();
  session.keepFor(account.login); // another regulator in this tab does not see the previous one's patients
  byId("regulator").textContent = account.name ?? account.login;
  byId("sign-out").addEventListener("click", () => {
    session.forget();
    account.signOut();
  });
  let conversation = null;
  const transcript = new Transcript(byId("transcript"), byId("empty-hint"), session,
    (payload, display) => conversation.send(payload, display));
  const composer = new Composer(byId("composer"), byId("message"), byId("send"),
    (text) => conversation.send(text), byId("composer-problem"),
    { maxChars: config.max_message_chars ?? Infinity, refusal: config.message_too_long });
  conversation = new Conversation({
    rasaUrl: config.rasa_url, account, session, transcript, typing: byId("typing"), composer,
  });
  new Attachments({
    input: byId("file"),
    chooseButton: byId("attach"),
    dropZone: document.body,
    progressArea: byId("upload"),
    transcript,
    conversation,
    account,
  });
  byId("new-patient").addEventListener("click", () => {
    composer.focus();
    conversation.restart().catch((error) => {
  if (!(error instanceof SignedOut)) throw error; // otherwise on the way to the sign-in page
});
  });
  transcript.restore();
  composer.focus();
  document.body.dataset.ready = "true"; // lets tests (and people) know the panel is wired
}

start().catch((error) => {
  if (!(error instanceof SignedOut)) throw error; // otherwise on the way to the sign-in page
});
