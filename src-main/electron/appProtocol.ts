import fs from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from '../transport/http/securityHeaders';

/**
 * The UI is served from a privileged custom scheme rather than file:// (Electron's security
 * checklist: file:// pages can read any file and share one origin). Only files inside the built
 * renderer folder are served, each with the same security headers as browser mode.
 */
export const appScheme = 'bala';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** The file a request maps to, or null when it is outside the renderer folder or not ours. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return Object.hasOwn(contentTypes, path.extname(file).toLowerCase()) ? file : null;
}

/** Answers one request of the app scheme: the file with its type and security headers, or 404. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const file = resolveAppFile(rendererDir, requestUrl);
  if (!file) return new Response(null, { status: 404, headers: securityHeaders });
  try {
    const body = await fs.readFile(file);
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, { status: 200, headers: { ...securityHeaders, 'content-type': type } });
  } catch {
    return new Response(null, { status: 404, headers: securityHeaders });
  }
}

/** Whether a frame URL is the application page (the only caller IPC answers). */
export function isAppFrame(frameUrl: string): boolean {
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}
