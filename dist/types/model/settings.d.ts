import type { AppKind, MetadataTypeName, OAuthAppSettings } from '../types.js';
export type SettingName = keyof OAuthAppSettings;
/** The files of an External Client App that hold settings. */
export type EcaSettingsFile = 'ExternalClientApplication' | 'ExtlClntAppGlobalOauthSettings' | 'ExtlClntAppOauthSettings' | 'ExtlClntAppOauthConfigurablePolicies' | 'ExtlClntAppConfigurablePolicies';
/**
 * How a setting is read. `boolean`, `text` (non-empty), `secret` (kept even when empty: the rule decides), `lines`
 * (one URL per line), `repeated` (one element per entry) and `comma-list` are read from the table alone; `custom`
 * settings have a reader of their own in connected-app.ts or external-client-app.ts (enums, composite values).
 */
export type ReadAs = 'boolean' | 'text' | 'secret' | 'lines' | 'repeated' | 'comma-list' | 'custom';
export interface SettingSource {
    /** Connected App: the element path from the root (`oauthConfig/isPkceRequired`); ECA: the element in `file`. */
    element: string;
    readAs: ReadAs;
}
export type SettingAnchor = 'oauth' | 'policy';
export interface SettingSpec {
    name: SettingName;
    /** What the setting means, for docs. */
    description: string;
    connectedApp?: SettingSource;
    externalClientApp?: SettingSource & {
        file: EcaSettingsFile;
    };
    /** The documented default when the element is absent, per kind; absent: the setting is optional (or a list). */
    defaults?: Partial<Record<AppKind, boolean | string>>;
    /** Where a finding about the absent element goes: the OAuth settings or the OAuth policy (per kind when they differ). */
    anchor?: SettingAnchor | Partial<Record<AppKind, SettingAnchor>>;
    /** How the written value becomes the effective one rules see, when it is not simply the value. */
    effective?: string;
}
export declare const SETTINGS: readonly SettingSpec[];
export declare function settingSpec(name: SettingName): SettingSpec;
/**
 * The element that holds a setting in this kind of app, as a user would search for it: `oauthConfig/isPkceRequired`,
 * or `isPkceRequired (.ecaGlblOauth)` with the ECA file's suffix.
 */
export declare function settingElement(kind: AppKind, name: SettingName): string;
/** The settings an ECA file type holds that the table can read on its own (not `custom`). */
export declare function tableReadSettings(kind: AppKind, type?: MetadataTypeName): {
    name: SettingName;
    source: SettingSource;
}[];
/** Where a finding about the setting's absent element goes in this kind of app. */
export declare function settingAnchor(spec: SettingSpec, kind: AppKind): SettingAnchor;
