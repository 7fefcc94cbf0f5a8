// Keeps ONE pull-request comment up to date through the GitHub REST API (Node's fetch, no dependency): the comment
// is found by the hidden marker its body starts with AND its author being this token's identity, then edited in
// place, or created when there is none. Anyone can write the marker: a comment by someone else is never edited, or a
// pull request's author could plant one and have the bot overwrite it (or say it "no longer applies").
// A refusal (403: a fork's pull request gets a read-only token) is the caller's warning, never a failure; the token
// only ever travels in the Authorization header and is never part of a message.
import { readFileSync } from 'node:fs';

export type CommentMode = 'always' | 'on-change' | 'never';
export const COMMENT_MODES: readonly CommentMode[] = ['always', 'on-change', 'never'];

export interface CommentTarget {
  /** GITHUB_API_URL, e.g. https://api.github.com (GitHub Enterprise: https://host/api/v3). */
  apiUrl: string;
  /** owner/name */
  repository: string;
  issueNumber: number;
  token: string;
}

/** What happened to the comment. `warning` is set when the API could not be used (the step still passes). */
export interface CommentOutcome {
  action: 'created' | 'updated' | 'unchanged' | 'none';
  url?: string;
  warning?: string;
}

/** Where to comment, from the runner's environment; a reason when this run has no pull request to comment on. */
export function commentTarget(env: NodeJS.ProcessEnv, token: string): CommentTarget | { skip: string } {
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) return { skip: 'GITHUB_REPOSITORY is not set' };
  const number = pullRequestNumber(env.GITHUB_EVENT_PATH);
  if (number === undefined) return { skip: 'the workflow was not triggered by a pull request' };
  return { apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), repository, issueNumber: number, token };
}

/** The pull request's number from the event payload (pull_request, pull_request_target, issue_comment on a PR). */
function pullRequestNumber(eventPath: string | undefined): number | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown } };
    const number = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
    return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
  } catch {
    return undefined;
  }
}

interface CommentAuthor {
  login?: string;
  type?: string;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url?: string;
  user?: CommentAuthor | null;
}

/**
 * Who writes the comments. GitHub answers GET /user for a user's token only; the workflow's GITHUB_TOKEN (an
 * installation token) gets 403 there and comments as `github-actions[bot]`.
 */
export type CommentIdentity = { login: string; type?: 'Bot' };
export const ACTIONS_BOT: CommentIdentity = { login: 'github-actions[bot]', type: 'Bot' };

const writtenBy = (comment: IssueComment, identity: CommentIdentity) =>
  comment.user?.login === identity.login && (identity.type === undefined || comment.user.type === identity.type);

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** At most this many pages of 100 comments are searched for the marker: a pull request rarely has more. */
const MAX_PAGES = 30;

export class PullRequestComments {
  constructor(private readonly target: CommentTarget) {}

  /** The token's own identity: the user GET /user names, else (an installation token) `github-actions[bot]`. */
  async identity(): Promise<CommentIdentity> {
    try {
      const user = (await (await this.request('GET', `${this.target.apiUrl}/user`)).json()) as CommentAuthor;
      if (typeof user.login === 'string' && user.login !== '') return user.type === 'Bot' ? { login: user.login, type: 'Bot' } : { login: user.login };
    } catch {
      // 403 for GITHUB_TOKEN: the usual case
    }
    return ACTIONS_BOT;
  }

  /** The first comment by `author` whose body starts with `marker`, paginating through the pull request's comments. */
  async find(marker: string, author: CommentIdentity): Promise<IssueComment | undefined> {
    let url: string | undefined = `${this.issueUrl()}/comments?per_page=100`;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const response = await this.request('GET', url);
      const comments = (await response.json()) as IssueComment[];
      const found = comments.find((comment) => comment.body?.startsWith(marker) && writtenBy(comment, author));
      if (found) return found;
      url = nextPage(response.headers.get('link'));
      // The token goes to the API only: a next page elsewhere is not followed.
      if (url && new URL(url).origin !== new URL(this.target.apiUrl).origin) url = undefined;
    }
    return undefined;
  }

  async create(body: string): Promise<IssueComment> {
    return (await (await this.request('POST', `${this.issueUrl()}/comments`, { body })).json()) as IssueComment;
  }

  async update(id: number, body: string): Promise<IssueComment> {
    return (await (await this.request('PATCH', `${this.repositoryUrl()}/issues/comments/${id}`, { body })).json()) as IssueComment;
  }

  private repositoryUrl(): string {
    const [owner, name] = this.target.repository.split('/');
    return `${this.target.apiUrl}/repos/${encodeURIComponent(owner!)}/${encodeURIComponent(name!)}`;
  }

  private issueUrl(): string {
    return `${this.repositoryUrl()}/issues/${this.target.issueNumber}`;
  }

  private async request(method: string, url: string, body?: unknown): Promise<Response> {
    const response = await fetch(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${this.target.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'connected-app-lint',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      let detail = '';
      try {
        detail = String(((await response.json()) as { message?: unknown }).message ?? '');
      } catch {
        // no JSON body
      }
      throw new ApiError(response.status, `${method} ${new URL(url).pathname} answered ${response.status}${detail ? ` (${detail.slice(0, 200)})` : ''}`);
    }
    return response;
  }
}

/** The `next` URL of a Link header, if any. */
function nextPage(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Brings the pull request's posture comment up to date. `body` is the comment for a diff with something to say;
 * `emptyBody` the one for a diff without (undefined: say nothing). With `on-change` an empty diff posts nothing,
 * but an earlier comment is edited to say it no longer applies; with `always` the comment is always written.
 */
export async function syncComment(
  target: CommentTarget,
  marker: string,
  content: { body: string; empty: boolean; noLongerApplies: string },
  mode: CommentMode,
): Promise<CommentOutcome> {
  if (mode === 'never') return { action: 'none' };
  const comments = new PullRequestComments(target);
  try {
    const existing = await comments.find(marker, await comments.identity());
    const body = content.empty && mode === 'on-change' ? (existing ? content.noLongerApplies : undefined) : content.body;
    if (body === undefined) return { action: 'none' };
    if (existing) {
      if (existing.body === body) return { action: 'unchanged', ...(existing.html_url ? { url: existing.html_url } : {}) };
      const updated = await comments.update(existing.id, body);
      return { action: 'updated', ...(updated.html_url ? { url: updated.html_url } : {}) };
    }
    const created = await comments.create(body);
    return { action: 'created', ...(created.html_url ? { url: created.html_url } : {}) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      return {
        action: 'none',
        warning: `cannot comment on pull request #${target.issueNumber}: ${error.message}. A pull request from a fork gets a read-only token; the job summary has the diff. Otherwise give the job permissions: pull-requests: write.`,
      };
    }
    return { action: 'none', warning: `cannot comment on pull request #${target.issueNumber}: ${(error as Error).message}` };
  }
}
