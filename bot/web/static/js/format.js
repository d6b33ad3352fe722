// French labels and formats for what the assistant sends. Pure functions, no DOM.

// The labels and the SAS time zone come from the agenda's /config.json (bot/vocabulary.py, bot/settings.py):
// main.js calls configure() before anything is shown. Until then, names are shown as they are, in the
// browser's own time zone.
let fieldLabels = {};
let modeLabels = {};
let timeZone;

export function configure({ field_labels: fields, mode_labels: modes, timezone } = {}) {
  fieldLabels = fields ?? {};
  modeLabels = modes ?? {};
  timeZone = timezone;
}

// The fields in the order the agenda lists them (patient, then need).
export function knownFields() {
  return Object.keys(fieldLabels);
}
const ISO_WITH_ZONE = /(Z|[+-]\d\d:?\d\d)$/;
const ISO_DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/;

export function fieldLabel(field) {
  return fieldLabels[field] ?? field.replaceAll("_", " ");
}

export function modeLabel(mode) {
  if (!mode) return "";
  return capitalize(modeLabels[String(mode).toLowerCase()] ?? String(mode).replaceAll("_", " "));
}

export function capitalize(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

// An instant with an offset is shown in the SAS time zone; a naive one is shown as written
// (it already is the agenda's wall-clock time), whatever the browser's own time zone.
function toDateAndZone(iso) {
  if (ISO_WITH_ZONE.test(iso)) return { date: new Date(iso), timeZone };
  const m = ISO_DATE_TIME.exec(iso);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  return { date: new Date(Date.UTC(y, mo - 1, d, h, mi)), timeZone: "UTC" };
}

export function formatDay(iso) {
  const parsed = iso && toDateAndZone(iso);
  if (!parsed || Number.isNaN(parsed.date.getTime())) return iso ?? "";
  const text = new Intl.DateTimeFormat("fr-FR", {
    weekday: "long", day: "numeric", month: "long", timeZone: parsed.timeZone,
  }).format(parsed.date);
  return capitalize(text);
}

export function formatTime(iso) {
  const parsed = iso && toDateAndZone(iso);
  if (!parsed || Number.isNaN(parsed.date.getTime())) return "";
  return new Intl.DateTimeFormat("fr-FR", {
    hour: "2-digit", minute: "2-digit", timeZone: parsed.timeZone,
  }).format(parsed.date);
}

// "Jeudi 26 novembre, 14:30–14:45"
export function formatSlotTime(debut, fin) {
  const start = formatTime(debut);
  const end = formatTime(fin);
  const hours = start && end ? `${start}–${end}` : start;
  return hours ? `${formatDay(debut)}, ${hours}` : formatDay(debut);
}

export function formatDistance(km) {
  if (km === null || km === undefined || km === "") return "";
  const value = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(Number(km));
  return `${value} km`;
}

export function formatSize(bytes) {
  const units = ["octets", "Ko", "Mo", "Go"];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

// A recap value may be a string, a number (urgence, in hours), a list or an object carrying
// the words the regulator used (the créneau wish: {"text": "demain matin", ...}).
export function formatValue(field, value) {
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) return value.map((v) => formatValue(field, v)).filter(Boolean).join(", ");
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "object") return formatValue(field, value.text ?? value.label ?? "");
  if (field === "urgence" && typeof value === "number") return `d'ici ${value} h`;
  const text = String(value);
  if (field === "type_consultation") return modeLabel(text);
  const dateOnly = ISO_DATE_ONLY.exec(text);
  if (dateOnly) return `${dateOnly[3]}/${dateOnly[2]}/${dateOnly[1]}`;
  if (ISO_DATE_TIME.test(text)) return formatSlotTime(text);
  return text;
}
