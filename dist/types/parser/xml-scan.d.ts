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
/**
 * Salesforce metadata is shallow; anything deeper is hostile or broken. The scanner does not recurse, but the model
 * walks the tree recursively (FieldReader.checkBooleans): counted here, on the real nesting, where a pre-scan that
 * knows nothing of comments, CDATA or attribute values could be fooled into passing 5,000 levels.
 */
export declare const MAX_DEPTH = 64;
/** Scans `source` (decodeEntities decodes text and attribute values as parseXml's callers expect). */
export declare function scanXml(source: string, decodeEntities: (text: string) => string): XmlScanResult;
