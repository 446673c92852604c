/**
 * nginx as the operator runs it, but unprivileged and private to a test: the repository's
 * deploy/nginx.conf with its `listen` and upstream `server` lines pointed at the test's ports,
 * inside a generated main configuration whose logs, pid and temporary files live in a temp dir.
 *
 *   const proxy = await startNginx([a.port, b.port]);
 *   … ws://127.0.0.1:${proxy.port}/sync …
 *   await proxy.stop();
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';
import { canConnect } from './services';

/** The repository's nginx site configuration. */
export const NGINX_SITE = path.resolve(import.meta.dirname, '../../deploy/nginx.conf');

/** The nginx binary: NGINX, else the first found where Debian and others put it. */
export const NGINX =
  process.env.NGINX || ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file)) || 'nginx';

/** Whether nginx is installed; throws under REQUIRE_SERVICES=1 when it is not. */
export function nginxAvailable(): boolean {
  if (existsSync(NGINX)) return true;
  if (process.env.REQUIRE_SERVICES === '1')
    throw new Error(`REQUIRE_SERVICES=1 but nginx is missing at ${NGINX} (apt-get install nginx)`);
  console.warn(`skipping nginx tests: nginx is missing at ${NGINX} (apt-get install nginx)`);
  return false;
}

/** The uid and gid of `nobody` on Debian, for a test run as root. */
const NOBODY = 65534;

/** A running private nginx. */
export interface RunningNginx {
  readonly port: number;
  readonly http: string;
  readonly ws: string;
  /** Its error log, for failure messages. */
  errorLog(): string;
  stop(): Promise<void>;
}

/** deploy/nginx.conf with its listen address and upstream servers replaced. */
export function siteFor(listenPort: number, upstreamPorts: readonly number[]): string {
  const site = readFileSync(NGINX_SITE, 'utf8');
  let next = 0;
  const upstreams = site.replace(/^(\s*server\s+)[^\s;{]+:\d+/gm, (_, lead: string) => {
    const port = upstreamPorts[next++];
    if (port === undefined)
      throw new Error('deploy/nginx.conf lists more upstream servers than the test has');
    return `${lead}127.0.0.1:${port}`;
  });
  if (next !== upstreamPorts.length)
    throw new Error(`deploy/nginx.conf lists ${next} upstream servers, the test has ${upstreamPorts.length}`);
  const listened = upstreams.replace(/^(\s*listen\s+)80;/m, `$1127.0.0.1:${listenPort};`);
  if (listened === upstreams) throw new Error('deploy/nginx.conf has no "listen 80;" line');
  return listened;
}

/** Starts nginx in front of `upstreamPorts` and resolves once it accepts connections. */
export async function startNginx(upstreamPorts: readonly number[]): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'olievlek-nginx-'));
  const port = await freePort();
  const file = (name: string) => path.join(dir, name);
  writeFileSync(file('site.conf'), siteFor(port, upstreamPorts));
  writeFileSync(
    file('nginx.conf'),
    `worker_processes 1;
error_log ${file('error.log')} info;
pid ${file('nginx.pid')};
events { worker_connections 1024; }
http {
  access_log ${file('access.log')};
  client_body_temp_path ${file('body')};
  proxy_temp_path ${file('proxy')};
  fastcgi_temp_path ${file('fastcgi')};
  uwsgi_temp_path ${file('uwsgi')};
  scgi_temp_path ${file('scgi')};
  include ${file('site.conf')};
}
`,
  );
  // Run as root (as in a container), the test still starts nginx unprivileged: as nobody, owning
  // only its temp dir, the way an operator would run it without root.
  const user = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o755);
    chownSync(dir, NOBODY, NOBODY);
    for (const name of ['nginx.conf', 'site.conf']) chownSync(file(name), NOBODY, NOBODY);
  }
  const args = ['-p', `${dir}/`, '-e', file('error.log'), '-c', file('nginx.conf')];
  const errorLog = () => (existsSync(file('error.log')) ? readFileSync(file('error.log'), 'utf8') : '');
  try {
    execFileSync(NGINX, [...args, '-t'], { stdio: 'pipe', ...user });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx -t refused the configuration: ${stderr}`);
  }
  const child = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'], ...user });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await canConnect({ host: '127.0.0.1', port }, 500))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = `${output}${errorLog()}`;
      await stop();
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { port, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}/sync`, errorLog, stop };
}
