import { redact } from '../audit';
import type { Runtime } from '../core/runtime';

/**
 * One JSON line per event (CloudBase's log console and `grep` both read it). Message and fields go through
 * `redact()` on the way out: a second net behind the rule that callers never pass personal data.
 */
export function jsonLogger(
  write: (line: string) => void = (l) => console.log(l),
  clock: () => Date = () => new Date(),
): Runtime['log'] {
  return (level, message, fields) => {
    try {
      write(
        JSON.stringify({
          t: clock().toISOString(),
          level,
          msg: redact(String(message).slice(0, 300)),
          ...(fields ? (redact(fields) as object) : {}),
        }),
      );
    } catch {
      write(JSON.stringify({ level, msg: String(message).slice(0, 300), note: 'fields not serialisable' }));
    }
  };
}
