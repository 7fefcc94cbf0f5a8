import type { MessageData, MetadataDocument, OAuthApp, Position, RepoFile, Rule, RuleContext, RuleMeta, Severity } from '../../types.js';
/** What a rule written with defineRule sees: its own message ids and option types. */
export interface TypedRuleContext<MessageId extends string, Options> extends Omit<RuleContext, 'options' | 'report'> {
    options: Options;
    report(descriptor: {
        messageId: MessageId;
        data?: MessageData;
        at: Position;
        severity?: Severity;
    }): void;
}
export interface RuleDefinition<MessageId extends string, Options> {
    meta: Omit<RuleMeta, 'docs' | 'messages' | 'defaultOptions'> & {
        messages: Readonly<Record<MessageId, string>>;
        defaultOptions?: Options;
    };
    checkApp?(app: OAuthApp, ctx: TypedRuleContext<MessageId, Options>): void;
    checkDocument?(doc: MetadataDocument, ctx: TypedRuleContext<MessageId, Options>): void;
    checkFile?(file: RepoFile, ctx: TypedRuleContext<MessageId, Options>): void;
}
/**
 * A rule from its definition. The engine (src/engine/run-rules.ts) fills the context: `options` are
 * `defaultOptions` with the configured values over them, already checked against `meta.options`, and
 * `report({ messageId, data })` renders `meta.messages[messageId]`.
 */
export declare function defineRule<MessageId extends string, Options extends object = Record<string, never>>(definition: RuleDefinition<MessageId, Options>): Rule;
/** `{{name}}` placeholders filled from `data`; a placeholder without data stays visible rather than vanishing. */
export declare function renderMessage(template: string, data: MessageData | undefined): string;
