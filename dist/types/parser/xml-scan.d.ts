/** An element of a parsed metadata file, with its source offsets. */
export interface XmlElement {
    name: string;
    attrs: Record<string, string>;
    children: XmlElement[];
    /** Decoded text directly inside the element (entities resolved), untrimmed. */
    text: string;
    /** Offset of `<` of the start tag. */
    start: number;
    /** Offset just after the `>` that ends the element. */
    end: number;
}
export type XmlScanResult = {
    ok: true;
    root: XmlElement;
} | {
    ok: false;
    message: string;
    offset: number;
};
/** Scans `source` (decodeEntities decodes text and attribute values as parseXml's callers expect). */
export declare function scanXml(source: string, decodeEntities: (text: string) => string): XmlScanResult;
