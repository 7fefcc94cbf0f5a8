/** Whether `text` (raw, before any XML decoding) may hold a secret the detectors would report. */
export declare function mayHoldSecret(text: string): boolean;
