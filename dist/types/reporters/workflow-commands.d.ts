export type AnnotationLevel = 'error' | 'warning' | 'notice';
/**
 * Message data: control characters other than line breaks made visible (a file name may hold an ESC or a BEL,
 * which the runner would copy into the log and the annotation), then `%`, CR and LF as the runner unescapes them,
 * and a backslash in any `##[` (the legacy command, which the runner reads anywhere in a line).
 */
export declare function escapeData(text: string): string;
/** Property values: message escaping plus `:` and `,`, which separate properties. */
export declare function escapeProperty(text: string): string;
/** One command line; properties that are undefined are left out, in the order given. */
export declare function workflowCommand(command: AnnotationLevel, properties: Record<string, string | number | undefined>, message: string): string;
