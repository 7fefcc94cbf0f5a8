type Env = Readonly<Record<string, string | undefined>>;
/** Bytes this step's job summary can still take; undefined when the runner gives no summary file. */
export declare function jobSummaryRoom(env: Env): number | undefined;
/**
 * Appends `markdown` to the job summary, if there is one. Returns the log line to print when it could not (never
 * throws): the file cannot be written, or the text would take the step's summary past 1 MiB.
 */
export declare function appendJobSummary(env: Env, markdown: string): string | undefined;
export {};
