// A Metatype description (a driver's from GET /api/drivers, a publishing connector's from GET
// /api/publish/types: its configuration's attributes) as a form, and the form's values as POST
// /api/devices and POST /api/publish/targets take them; no DOM here, so node --test checks it. The
// server checks the values against the same description (400 with the reason): the form only makes
// the right input for each type, so what it sends reads as that type.

/** What every device has, at the top of the body; the rest goes in config. */
export const DEVICE_FIELDS = ['id', 'name', 'classroom', 'role'];
/** A publishing target's name is at the top of its body; the rest goes in config. */
export const TARGET_FIELDS = ['name'];
/** The server makes the id from the name unless one is given, though Metatype calls it required. */
const MADE_BY_SERVER = new Set(['id']);

const WHOLE = new Set(['integer', 'long', 'short', 'byte']);
const DECIMAL = new Set(['double', 'float']);

/**
 * The input an attribute gets: select (it has options), switch (boolean), number (whole with
 * step 1, or decimal), password, list (cardinality not 0: one value a line), else text.
 */
export function inputKind(attribute) {
  if (attribute.cardinality) return 'list';
  if (attribute.options?.length) return 'select';
  if (attribute.type === 'boolean') return 'switch';
  if (WHOLE.has(attribute.type) || DECIMAL.has(attribute.type)) return 'number';
  if (attribute.type === 'password') return 'password';
  return 'text';
}

/**
 * A form field of an attribute: id, label (its name, in the language asked for), help (its
 * description), kind (inputKind), the options, whether it must be given (required and no default,
 * the id aside), whether it is one of the top fields (at the top of the body, not in config) and its
 * starting value.
 */
export function fieldOf(attribute, top = DEVICE_FIELDS) {
  const field = {
    id: attribute.id,
    label: attribute.name || attribute.id,
    help: attribute.description || '',
    type: attribute.type,
    kind: inputKind(attribute),
    whole: WHOLE.has(attribute.type),
    options: (attribute.options ?? []).map((o) => ({ value: o.value, label: o.label || o.value })),
    mustGive: Boolean(attribute.required) && attribute.default === undefined && !MADE_BY_SERVER.has(attribute.id),
    top: top.includes(attribute.id),
  };
  field.initial = formValue(field, attribute.default);
  return field;
}

/**
 * The fields of a driver's (or a connector's) form: the top ones (in the order of top: the device's
 * own, a target's name), then the driver's.
 */
export function formFields(described, top = DEVICE_FIELDS) {
  const fields = (described?.configuration?.attributes ?? []).map((a) => fieldOf(a, top));
  const rank = (f) => (f.top ? top.indexOf(f.id) : top.length);
  return fields.map((f, i) => [f, i]).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([f]) => f);
}

/** A value (a default, a discovered device's configuration) as its input holds it. */
export function formValue(field, value) {
  if (field.kind === 'list') return value === undefined || value === null ? '' : [].concat(value).join('\n');
  if (field.kind === 'switch') return value === true || value === 'true';
  if (field.kind === 'number') return value === undefined || value === null || value === '' ? null : Number(value);
  return value === undefined || value === null ? '' : String(value);
}

/** The starting values of a form, with given (a discovered device's configuration) on top. */
export function initialValues(fields, given = {}) {
  return Object.fromEntries(fields.map((f) => [f.id, f.id in given ? formValue(f, given[f.id]) : f.initial]));
}

function scalar(field, text) {
  if (field.kind === 'number' || WHOLE.has(field.type) || DECIMAL.has(field.type)) {
    const n = Number(text);
    // not a number: sent as typed, for the server to refuse in its words
    return text !== '' && Number.isFinite(n) ? n : text;
  }
  if (field.type === 'boolean') return text === true || text === 'true';
  return field.type === 'password' ? text : String(text).trim();
}

/**
 * A field's value as the API takes it, or undefined when left empty (the server's default then; a
 * switch is never empty). Text is trimmed (passwords are not); a list is its non-empty lines.
 */
export function wireValue(field, value) {
  if (field.kind === 'switch') return Boolean(value);
  if (field.kind === 'list') {
    const items = String(value ?? '').split(/\r?\n/).map((v) => v.trim()).filter(Boolean);
    return items.length ? items.map((v) => scalar(field, v)) : undefined;
  }
  if (value === null || value === undefined) return undefined;
  if (field.kind !== 'password' && String(value).trim() === '') return undefined;
  if (field.kind === 'password' && value === '') return undefined;
  return scalar(field, value);
}

/** What was filled in: the top fields as they are, the others in config. */
function formBody(fields, values) {
  const body = {};
  const config = {};
  for (const field of fields) {
    const value = wireValue(field, values[field.id]);
    if (value === undefined) continue;
    if (field.top) body[field.id] = value;
    else config[field.id] = value;
  }
  return { body, config };
}

/**
 * The body of POST /api/devices: {driver, id?, name, classroom, role, config: {...}} with what was
 * filled in, and discovered (the id of a discovered device to adopt) where given.
 */
export function deviceBody(driverId, fields, values, discovered = null) {
  const { body, config } = formBody(fields, values);
  return { driver: driverId, ...body, ...(discovered ? { discovered } : {}), config };
}

/** The body of POST /api/publish/targets: {type, name, config: {...}} (fields from formFields(type, TARGET_FIELDS)). */
export function targetBody(type, fields, values) {
  const { body, config } = formBody(fields, values);
  return { type, ...body, config };
}
