// GitHub Actions workflow commands (`::error file=…::message`), escaped as the runner expects (actions/toolkit
// `command.ts`). Escaping is what keeps text from a linted file (an app name, a URL) from ending the command
// early or starting a command of its own on a new line.

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Message data: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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

/**
 * Text for a plain log line: line breaks and other control characters become spaces, so that nothing read from a
 * linted file can put `::` at the start of a line and be taken for a workflow command.
 */
export function singleLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
