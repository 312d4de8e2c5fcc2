// The server's message shown beside the field it named (`details.parameter`), so the user sees where to
// correct; nothing when the error blames another field.
import { describeError } from '../describeError';

interface Props {
  error: unknown;
  /** the parameter name(s) this field answers for, e.g. `username` or `districts` (also `districts.0`) */
  field: string;
}

export function blamedField(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  return describeError(error).parameter;
}

export function blames(error: unknown, field: string): boolean {
  const parameter = blamedField(error);
  return parameter !== null && (parameter === field || parameter.startsWith(`${field}.`));
}

export function FieldError({ error, field }: Props) {
  if (!blames(error, field)) return null;
  return (
    <small className="ob-admin-field-error" role="alert" data-testid={`field-error-${field}`}>
      {describeError(error).message}
    </small>
  );
}
