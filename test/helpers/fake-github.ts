// A local HTTP server standing in for the GitHub REST API of one pull request (#7 of acme/salesforce): its comments,
// 100 a page with Link headers, each with its author as the API gives it, and every request made.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN = 'ghs_TestTokenThatMustNeverBePrinted0123456789';

export interface CommentAuthor {
  login: string;
  type: 'User' | 'Bot';
}

export interface Comment {
  id: number;
  body: string;
  html_url: string;
  user: CommentAuthor;
}

/** The workflow's GITHUB_TOKEN: the app `github-actions`, whose comments are by `github-actions[bot]`. */
export const ACTIONS_BOT: CommentAuthor = { login: 'github-actions[bot]', type: 'Bot' };
export const REVIEWER: CommentAuthor = { login: 'reviewer', type: 'User' };

export class FakeGitHub {
  comments: Comment[] = [];
  requests: { method: string; url: string; authorization: string | undefined }[] = [];
  status = 200;
  /**
   * Who the token is: what creates and edits comments. GET /user answers for a user token only; an installation
   * token (GITHUB_TOKEN) gets 403 there, as on github.com.
   */
  identity: CommentAuthor = ACTIONS_BOT;
  private server: Server | undefined;
  private nextId = 1000;

  constructor(otherComments: number) {
    for (let i = 0; i < otherComments; i++) this.add(`comment ${i} from a reviewer`, REVIEWER);
  }

  add(body: string, user: CommentAuthor): Comment {
    const comment = { id: this.nextId++, body, html_url: `https://github.example/acme/salesforce/pull/7#issuecomment-${this.nextId}`, user };
    this.comments.push(comment);
    return comment;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url!, this.url);
    this.requests.push({ method: request.method!, url: url.pathname + url.search, authorization: request.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (this.status !== 200) return send(this.status, { message: 'Resource not accessible by integration' });
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { message: 'Bad credentials' });
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body: string }) : undefined;
    if (request.method === 'GET' && url.pathname === '/user') {
      if (this.identity.type === 'Bot') return send(403, { message: 'Resource not accessible by integration' });
      return send(200, { login: this.identity.login, type: this.identity.type });
    }
    if (request.method === 'GET' && url.pathname === '/repos/acme/salesforce/issues/7/comments') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(this.comments.length / perPage));
      const link = page < last ? { link: `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}${url.pathname}?per_page=${perPage}&page=${last}>; rel="last"` } : {};
      return send(200, this.comments.slice((page - 1) * perPage, page * perPage), link);
    }
    if (request.method === 'POST' && url.pathname === '/repos/acme/salesforce/issues/7/comments') {
      if (body!.body.length > 65_536) return send(422, { message: 'Validation Failed: body is too long (maximum is 65536 characters)' });
      return send(201, this.add(body!.body, this.identity));
    }
    const patch = /^\/repos\/acme\/salesforce\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (request.method === 'PATCH' && patch) {
      const comment = this.comments.find((entry) => entry.id === Number(patch[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      // As on github.com, a pull request's author cannot have their comment edited by a token that is not theirs
      // unless it may write the repository; the workflow token may, so the edit succeeds: the caller must choose.
      if (body!.body.length > 65_536) return send(422, { message: 'Validation Failed: body is too long (maximum is 65536 characters)' });
      comment.body = body!.body;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  }

  /** Comments whose body starts with `marker`, whoever wrote them. */
  withMarker(marker: string): Comment[] {
    return this.comments.filter((comment) => comment.body.startsWith(marker));
  }
}
