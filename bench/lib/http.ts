import { Agent, request } from 'node:http';

export interface HttpReply {
  readonly status: number;
  readonly body: string;
}

/** A small keep-alive JSON client for the bench's own calls (tokens, approvals, seeding). */
export class HttpClient {
  private readonly agent: Agent;

  constructor(
    readonly port: number,
    maxSockets = 64,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  post(path: string, body: unknown, token?: string): Promise<HttpReply> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path,
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** POSTs and fails unless the answer is `expected`. */
  async postExpect(path: string, body: unknown, expected: number, token?: string) {
    const reply = await this.post(path, body, token);
    if (reply.status !== expected) {
      throw new Error(`POST ${path} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
    }
    return reply;
  }

  close(): void {
    this.agent.destroy();
  }
}
