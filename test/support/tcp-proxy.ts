import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A small TCP proxy between the app under test and PostgreSQL or Redis, to simulate outages without
 * touching the machine's shared servers:
 * - `cut()`: every open connection is closed and new ones are refused (the server is down);
 * - `restore()`: connections are accepted again, on the same port (the server is back);
 * - `restart()`: every open connection is closed, new ones are accepted (a quick server restart).
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private listenPort = 0;
  /** Connections accepted since start. */
  accepted = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  get port(): number {
    return this.listenPort;
  }

  /** Rewrites a URL (postgres://…, redis://…) to go through the proxy. */
  url(target: string): string {
    const url = new URL(target);
    url.hostname = '127.0.0.1';
    url.port = String(this.listenPort);
    return url.toString();
  }

  async start(): Promise<this> {
    await this.listen(0);
    return this;
  }

  get up(): boolean {
    return this.server !== undefined;
  }

  /** Closes every connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.dropConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.listen(this.listenPort);
  }

  /** Closes every open connection; new ones are accepted. */
  restart(): void {
    this.dropConnections();
  }

  async close(): Promise<void> {
    await this.cut();
  }

  private dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((client) => {
      this.accepted++;
      const upstream = connect(this.targetPort, this.targetHost);
      this.track(client);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.listenPort = (server.address() as { port: number }).port;
    this.server = server;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
