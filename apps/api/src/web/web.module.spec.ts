import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { WebModule, findPublicDirectory, isPageRequest } from './web.module';

@Controller('ping')
class PingController {
  @Get()
  ping() {
    return { pong: true };
  }
}

describe('isPageRequest', () => {
  it('answers index.html for page paths only', () => {
    expect(isPageRequest('GET', '/')).toBe(true);
    expect(isPageRequest('GET', '/events/3f0c/participants')).toBe(true);
    expect(isPageRequest('GET', '/m/inv_abc-DEF_123')).toBe(true);
    expect(isPageRequest('HEAD', '/invite')).toBe(true);
    expect(isPageRequest('POST', '/events')).toBe(false);
    expect(isPageRequest('GET', '/api')).toBe(false);
    expect(isPageRequest('GET', '/api/events')).toBe(false);
    expect(isPageRequest('GET', '/missing.js')).toBe(false);
    expect(isPageRequest('GET', '/pages/nothing.mjs')).toBe(false);
  });
});

describe('findPublicDirectory', () => {
  it('finds apps/api/public from the sources and from a build folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'ic-web-'));
    mkdirSync(join(root, 'apps/api/public'), { recursive: true });
    writeFileSync(join(root, 'apps/api/public/index.html'), '<!doctype html>');
    mkdirSync(join(root, 'dist/apps/api/src/web'), { recursive: true });
    expect(findPublicDirectory(join(root, 'apps/api/src/web'), undefined)).toBe(
      join(root, 'apps/api/public'),
    );
    expect(findPublicDirectory(join(root, 'dist/apps/api/src/web'), undefined)).toBe(
      join(root, 'apps/api/public'),
    );
    expect(findPublicDirectory(join(tmpdir(), 'nowhere-else'), join(root, 'apps/api/public'))).toBe(
      join(root, 'apps/api/public'),
    );
    expect(findPublicDirectory(join(root, 'dist'), join(root, 'no-such-dir'))).toBeUndefined();
  });

  it('finds the real pages of this repository', () => {
    expect(findPublicDirectory(__dirname, undefined)).toBe(join(__dirname, '../../public'));
  });
});

describe('WebModule', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [WebModule],
      controllers: [PingController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api');
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves the single-page app for page paths, in French first', async () => {
    for (const path of [
      '/',
      '/events',
      '/events/2b6a8c1e-0000-4000-8000-000000000000/schedule',
      '/invite',
      '/m/inv_x',
    ]) {
      const response = await request(app.getHttpServer()).get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<html lang="fr">');
      expect(response.text).toContain('src="/app.mjs"');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    const invite = await request(app.getHttpServer()).get('/m/inv_x').expect(200);
    expect(invite.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves the modules and the stylesheet with their types', async () => {
    const script = await request(app.getHttpServer()).get('/app.mjs').expect(200);
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    const page = await request(app.getHttpServer()).get('/pages/manager.mjs').expect(200);
    expect(page.text).toContain('export async function managerPage');
    const css = await request(app.getHttpServer()).get('/styles.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('leaves the API alone: its routes, and 404 for unknown API paths and files', async () => {
    await request(app.getHttpServer()).get('/api/ping').expect(200, { pong: true });
    const unknown = await request(app.getHttpServer()).get('/api/nothing').expect(404);
    expect(unknown.headers['content-type']).toMatch(/json/);
    await request(app.getHttpServer()).get('/nothing.js').expect(404);
    await request(app.getHttpServer()).post('/events').expect(404);
  });
});
