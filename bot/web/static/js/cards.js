// Rich rendering of the assistant's `custom` payloads (see bot/web/README.md for the protocol).
// Each renderer receives the payload and a context { text, closed, choose(payload, display) },
// `text` being the plain-text form of the same message, and returns an element; unknown kinds
// return null so that the plain text is shown instead.
import { el, icon } from "./dom.js";
import {
  fieldLabel, formatDay, formatDistance, formatSlotTime, formatTime, formatValue, knownFields, modeLabel,
} from "./format.js";

const RENDERERS = { recap, praticiens, resume, lien, confirmation, erreur };

export function renderCustom(custom, ctx) {
  const render = custom && RENDERERS[custom.kind];
  return render ? render(custom, ctx) : null;
}

// The payloads a card already offers, so that the same choices are not repeated as buttons.
export function offeredPayloads(custom) {
  if (custom?.kind === "praticiens") {
    return (custom.praticiens ?? []).flatMap((offer) => (offer.creneaux ?? []).map((slot) => slot.payload));
  }
  if (custom?.kind === "erreur") return [custom.reessayer];
  return [];
}

function card(kind, title, ...children) {
  return el("section", { class: `card card-${kind}`, "aria-label": title },
    el("h2", { class: "card-title" }, title), ...children);
}

function orderedFields(values, extra = []) {
  const known = knownFields();
  const fields = [...new Set([...Object.keys(values ?? {}), ...extra])];
  const rank = (f) => (known.includes(f) ? known.indexOf(f) : known.length);
  return fields.sort((a, b) => rank(a) - rank(b));
}

function fieldRow(label, value, missing = false) {
  return el("div", { class: missing ? "field field-missing" : "field" }, el("dt", {}, label), el("dd", {}, value));
}

// A definition list of the fields that have a value, plus the missing ones marked as such. `shown` holds the
// server's wording where it differs from the data (phones as "06 45 37 26 53", delays as "d'ici 2 h").
function fieldList(values, missing = [], restrictTo = null, shown = {}) {
  const rows = orderedFields(values, missing.filter((f) => !restrictTo || restrictTo.includes(f)))
    .map((field) => {
      const text = shown?.[field] ?? formatValue(field, values?.[field]);
      if (missing.includes(field) && !text) {
        return fieldRow(fieldLabel(field), el("span", { class: "missing-mark" }, icon("warning"), "À compléter"), true);
      }
      return text ? fieldRow(fieldLabel(field), text) : null;
    })
    .filter(Boolean);
  return rows.length ? el("dl", { class: "fields" }, rows) : null;
}

function recap(data) {
  const missing = data.manquants ?? [];
  const patientFields = Object.keys(data.patient ?? {});
  const besoinFields = Object.keys(data.besoin ?? {});
  // A missing field listed in neither group goes with the patient's identity.
  const orphans = missing.filter((f) => !patientFields.includes(f) && !besoinFields.includes(f));
  const summary = missing.length
    ? el("p", { class: "missing-summary" }, icon("warning"),
      `Il manque : ${missing.map(fieldLabel).join(", ")}.`)
    : el("p", { class: "complete-summary" }, icon("check"), "Toutes les informations sont là.");
  return card("recap", "Récapitulatif patient",
    el("h3", {}, "Patient"),
    fieldList(data.patient, missing, [...patientFields, ...orphans], data.affichage)
      ?? el("p", { class: "muted" }, "Rien pour l'instant."),
    el("h3", {}, "Besoin"),
    fieldList(data.besoin, missing, besoinFields, data.affichage) ?? el("p", { class: "muted" }, "Rien pour l'instant."),
    summary);
}

function slotDetails(slot) {
  const where = [slot.adresse, formatDistance(slot.distance_km)].filter(Boolean).join(" · ");
  return [
    el("span", { class: "slot-when" }, formatSlotTime(slot.debut, slot.fin)),
    el("span", { class: "slot-who" }, slot.praticien ?? ""),
    slot.specialite ? el("span", { class: "slot-spec" }, slot.specialite) : null,
    where ? el("span", { class: "slot-where" }, where) : null,
    el("span", { class: "slot-tags" },
      slot.mode ? el("span", { class: "tag tag-mode" }, modeLabel(slot.mode)) : null,
      slot.snp ? el("span", { class: "tag tag-snp" }, "Soins non programmés") : null),
  ];
}

function slotChoiceText(slot) {
  return `Créneau choisi : ${[slot.praticien, formatSlotTime(slot.debut, slot.fin)].filter(Boolean).join(", ")}`;
}

function tag(kind, text) {
  return el("span", { class: `tag tag-${kind}` }, text);
}

// One card a practitioner (SAS shows one entry each), ranked as the assistant ranks them so that "le 2" reads
// on screen; its next times are the buttons. Nothing is reordered here: the order is the agenda's.
function praticiens(data, ctx) {
  const offers = data.praticiens ?? [];
  const count = offers.length;
  const title = count === 0 ? "Aucun praticien disponible"
    : `${count} praticien${count > 1 ? "s" : ""} disponible${count > 1 ? "s" : ""}`;
  const notes = [
    data.radius_km ? `Dans un rayon de ${formatDistance(data.radius_km)}${data.widened ? " (rayon élargi)" : ""}.` : null,
    data.window_widened ? "Période de recherche élargie." : null,
  ].filter(Boolean);
  return card("praticiens", title,
    notes.length ? el("p", { class: "card-note" }, notes.join(" ")) : null,
    medecinTraitantNote(data.medecin_traitant),
    count ? el("ul", { class: "practitioner-list" }, offers.map((offer) => practitioner(offer, ctx))) : null);
}

function medecinTraitantNote(mt) {
  if (!mt) return null;
  let text;
  if (!mt.found) text = `Médecin traitant « ${mt.asked} » : introuvable dans l'agenda, ordre habituel.`;
  else if (mt.has_slots) text = `Médecin traitant : ${mt.name}, ses créneaux sont proposés en premier.`;
  else text = `Médecin traitant : ${mt.name}, aucun créneau dans la période, ordre habituel.`;
  return el("p", { class: "mt-note" }, text);
}

function practitioner(offer, ctx) {
  const name = offer.praticien ?? "";
  const where = [offer.adresse, formatDistance(offer.distance_km)].filter(Boolean).join(" · ");
  return el("li", { class: "practitioner" },
    el("h3", { class: "practitioner-name" }, offer.rang ? `${offer.rang}. ${name}` : name),
    offer.specialite ? el("span", { class: "slot-spec" }, offer.specialite) : null,
    where ? el("span", { class: "slot-where" }, where) : null,
    el("span", { class: "slot-tags" },
      offer.medecin_traitant ? tag("mt", "Médecin traitant") : null,
      offer.sas ? tag("sas", "SAS") : null,
      offer.snp ? tag("snp", "Soins non programmés") : null),
    timeRows(offer, ctx));
}

// The times, one row a day and mode ("Jeudi 26 novembre · Au cabinet"), each a button named in full
// (practitioner, day, hours, mode) since its visible text is only the hour.
function timeRows(offer, ctx) {
  const rows = new Map();
  for (const slot of offer.creneaux ?? []) {
    const label = [formatDay(slot.debut), modeLabel(slot.mode)].filter(Boolean).join(" · ");
    rows.set(label, [...(rows.get(label) ?? []), slot]);
  }
  return [...rows].map(([label, slots]) => el("div", { class: "times" },
    el("p", { class: "times-day" }, label),
    el("div", { class: "times-buttons" }, slots.map((slot) => {
      const who = slot.praticien ?? offer.praticien;
      return el("button", {
        type: "button",
        class: "slot-time",
        disabled: ctx.closed,
        "aria-label": [who, formatSlotTime(slot.debut, slot.fin), modeLabel(slot.mode)].filter(Boolean).join(", "),
        onclick: () => ctx.choose(slot.payload, slotChoiceText({ ...slot, praticien: who })),
      }, formatTime(slot.debut));
    }))));
}

// The card says "Attention" itself: a warning text that already starts with it is not repeated.
const WARNING_PREFIX = /^\s*⚠\uFE0F?\s*(attention\s*:\s*)?/i;

function warning(text) {
  const body = text?.replace(WARNING_PREFIX, "");
  return body ? el("p", { class: "warning", role: "note" }, icon("warning"),
    el("span", {}, el("strong", {}, "Attention : "), body)) : null;
}

function motif(m) {
  if (!m) return null;
  return el("p", { class: "motif" }, el("strong", {}, m.label ?? ""),
    m.raison ? el("span", { class: "motif-reason" }, m.raison) : null);
}

function slotSummary(slot) {
  return slot ? el("div", { class: "slot" }, slotDetails(slot)) : null;
}

// The funnel's "Avez-vous déjà consulté ce praticien ?", when the assistant says.
function alreadySeen(known) {
  if (known === undefined || known === null) return null;
  return el("dl", { class: "fields" }, fieldRow("Déjà consulté ce praticien", known ? "Oui" : "Non"));
}

function resume(data) {
  const pieces = data.pieces_jointes ?? [];
  return card("resume", "Résumé avant réservation",
    warning(data.avertissement),
    el("h3", {}, "Patient"), fieldList(data.patient, [], null, data.affichage),
    el("h3", {}, "Créneau"), slotSummary(data.creneau), alreadySeen(data.deja_consulte),
    data.motif ? [el("h3", {}, "Motif"), motif(data.motif)] : null,
    data.message ? [el("h3", {}, "Message pour le praticien"), el("blockquote", { class: "message" }, data.message)] : null,
    pieces.length ? [el("h3", {}, "Pièces jointes"),
      el("ul", { class: "attachment-list" }, pieces.map((name) => el("li", {}, icon("clip"), name)))] : null);
}

// Only a web address is opened: the page comes from another agenda (FHIR Slot.comment).
function webPage(address) {
  try {
    const url = new URL(address);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

// The patient block, ready to paste into the other agenda's form, with a button that copies it.
function copyableBlock(text) {
  const status = el("span", { class: "copy-status", role: "status" });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Copié.";
    } catch {
      status.textContent = "Copie impossible : sélectionnez le texte.";
    }
  };
  return el("div", { class: "patient-block" },
    el("pre", { class: "patient-block-text" }, text),
    el("div", { class: "patient-block-actions" },
      el("button", { type: "button", class: "copy", onclick: copy }, "Copier"), status));
}

// A slot of an agenda booked on its own page: the regulator opens it, picks the motif, pastes the patient.
function lien(data) {
  const page = webPage(data.page);
  return card("lien", `Réserver sur ${data.agenda ?? "l'agenda du praticien"}`,
    slotSummary(data.creneau),
    page ? el("a", { class: "page-link", href: page, target: "_blank", rel: "noopener noreferrer" },
      "Ouvrir la page de réservation") : null,
    data.motif ? [el("h3", {}, "Motif à choisir"), el("p", { class: "motif" }, data.motif)] : null,
    data.bloc_patient ? [el("h3", {}, "Patient, à copier"), copyableBlock(data.bloc_patient)] : null,
    warning(data.avertissement));
}

function confirmation(data) {
  return card("confirmation", "Rendez-vous réservé",
    el("p", { class: "reference" }, icon("check"),
      el("span", {}, "Référence "), el("strong", { class: "reference-code" }, data.reference ?? "")),
    slotSummary(data.creneau),
    data.motif ? [el("h3", {}, "Motif"), motif(data.motif)] : null,
    warning(data.avertissement));
}

function erreur(data, ctx) {
  const message = data.message ?? ctx.text ?? "L'assistant n'a pas pu terminer cette action.";
  return problem(message, data.reessayer ? () => ctx.choose(data.reessayer, "Réessayer") : null, ctx.closed);
}

// Shared by the assistant's errors and the panel's own (assistant or agenda unreachable).
export function problem(message, retry, closed = false) {
  return el("div", { class: "card card-erreur", role: "alert" },
    el("p", { class: "problem-text" }, icon("error"), el("span", {}, message)),
    retry ? el("button", { type: "button", class: "retry", disabled: closed, onclick: retry }, "Réessayer") : null);
}
