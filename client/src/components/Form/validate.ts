// A shared zod schema's Chinese messages, one per field: what a Field shows beside each control.
import { fieldLabel, parseZh } from '@hz-points/shared';
import type { z } from 'zod';

/** First message per top-level key; empty when the value passes. Messages are prefixed with the field's label. */
export function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string> {
  const parsed = parseZh(schema, value);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (out[key]) continue;
    const label = fieldLabel(issue.path);
    out[key] = label && !issue.message.startsWith(label) ? `${label}：${issue.message}` : issue.message;
  }
  return out;
}
