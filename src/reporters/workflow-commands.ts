// GitHub Actions workflow commands (`::error file=…::message`), escaped as the runner expects (actions/toolkit
// `command.ts`). Escaping is what keeps text from a linted file (an app name, a URL) from ending the command
// early or starting a command of its own on a new line.

import { escapeControlChars } from '../text/control-chars.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/**
 * Message data: control characters other than line breaks made visible (a file name may hold an ESC or a BEL,
 * which the runner would copy into the log and the annotation), then `%`, CR and LF as the runner unescapes them,
 * and a backslash in any `##[` (the legacy command, which the runner reads anywhere in a line).
 */
export function escapeData(text: string): string {
  const visible = text.replace(/[^\r\n]+/g, (part) => escapeControlChars(part));
  return visible.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/##\[/g, '##\\[');
}

/** Property values: message escaping plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One command line; properties that are undefined are left out, in the order given. */
export function workflowCommand(command: AnnotationLevel, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
