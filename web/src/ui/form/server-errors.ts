import { errorDetailsSchema } from '#shared/contracts/errors';
import { isApiError } from '../../api/client';

/** A rule the server named in `details.rule`, split into its name and what it says. */
export interface NamedRule {
  name: string;
  text: string;
}

/** What a refused submission means for a form: errors against its fields, and what is left over. */
export interface FormRefusal {
  fields: { name: string; message: string }[];
  /** For the top of the form: the server's message, and field errors no field of the form can show. */
  message?: string;
  rule?: NamedRule;
}

const requestParts = /^(body|query|params)\./;

/**
 * The form field a server path names: `body.name` → `name`, `body.roles.0` → `roles` (the form's
 * field that holds it), a path without its request part (`name`) as is. Undefined when the form
 * has no such field. Pure.
 */
export function fieldNameOf(path: string, fieldNames: readonly string[]): string | undefined {
  const parts = path.replace(requestParts, '').split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('.');
    if (fieldNames.includes(candidate)) return candidate;
  }
  return undefined;
}

/**
 * A rule as people read it. Rules are written `name: what it says` (e.g. "two-person: an
 * administrator cannot grant access to themselves", "IPA 2016 Part 3: outside the authorised
 * scope"); one without a colon is all name. Pure.
 */
export function ruleInWords(rule: string): NamedRule {
  const colon = rule.indexOf(':');
  if (colon <= 0) return { name: rule.trim(), text: '' };
  return { name: rule.slice(0, colon).trim(), text: rule.slice(colon + 1).trim() };
}

/**
 * Maps a refusal from the API (`{ error: { code, message, details: { fields, rule } } }`) onto a
 * form with these fields. A validation failure whose every field found its place needs no message
 * at the top; anything else keeps the server's wording. Pure.
 */
export function refusalOf(error: unknown, fieldNames: readonly string[]): FormRefusal {
  if (!isApiError(error)) {
    return { fields: [], message: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const details = errorDetailsSchema.safeParse(error.details);
  const serverFields = details.success ? (details.data.fields ?? []) : [];
  const fields: FormRefusal['fields'] = [];
  const unplaced: string[] = [];
  for (const field of serverFields) {
    const name = fieldNameOf(field.path, fieldNames);
    if (name && !fields.some((f) => f.name === name)) fields.push({ name, message: field.message });
    else if (!name) unplaced.push(`${field.path.replace(requestParts, '')}: ${field.message}`);
  }
  const placedAll = fields.length > 0 && unplaced.length === 0;
  const message =
    error.code === 'VALIDATION_FAILED'
      ? placedAll
        ? undefined
        : [fields.length > 0 ? 'Check the fields marked.' : error.message, ...unplaced].join(' ')
      : error.message;
  const rule = details.success && details.data.rule ? ruleInWords(details.data.rule) : undefined;
  return { fields, message, rule };
}
