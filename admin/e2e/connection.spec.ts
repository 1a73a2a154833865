import net from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, baseUrl, type Browser, DEMO, DEMO_PASSWORD, launchBrowser } from './browser.js';
import { openRoundWithOffering, recordSockets, register, registerUntilShown, SERVANT_EMAILS, subscribeMessages } from './live.js';

// The session's live connection, lost and found again for real: the app is opened through a TCP
// proxy inside this test, which forwards to the real API. Cutting the proxy (every socket
// destroyed, the port closed) is what the browser sees when the server or the network goes away;
// listening again on the same port is the server coming back. Nothing in the app is mocked.
let browser: Browser;
let adminToken: string;
let proxy: TcpProxy | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  adminToken = await apiLogin(DEMO.admin);
}, 60_000);
afterEach(async () => {
  await proxy?.close();
  proxy = null;
});
afterAll(() => browser?.close());

interface TcpProxy {
  port: number;
  /** Destroys every proxied connection and stops listening (the port refuses connections). */
  close(): Promise<void>;
}

/** Listens on `port` (0: a free one) on 127.0.0.1 and forwards each connection to `targetPort`. */
async function tcpProxy(targetPort: number, port = 0): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on('error', drop);
      s.on('close', drop);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** Signs in through the login form at `origin` (the proxy), as a person would. */
async function signInAt(page: Page, origin: string, email: string): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('the live connection', () => {
  it('shows a banner while the connection to the server is lost, comes back by itself, catches up on what it missed, and receives live counts again', async () => {
    // A round of this test's own, open, with one offering, 20–29 months ahead: no other file uses
    // those months (admin.spec.ts takes the first free from 2, month.spec.ts from 14,
    // keyboard-close.spec.ts from 30), and the rounds screen lists it below keyboard-close's round,
    // out of the way of that test's Tab presses (newest month first).
    const place = `E2E 연결 시험 강의실 ${Date.now()}`;
    const round = await openRoundWithOffering(adminToken, Array.from({ length: 10 }, (_, i) => 20 + i), place);
    expect(round, 'no free month for the round').not.toBeNull();
    const { offeringId } = round!;

    proxy = await tcpProxy(Number(new URL(baseUrl()).port));
    const proxyPort = proxy.port;
    const origin = `http://127.0.0.1:${proxyPort}`;
    const page = await browser.page();
    const ws = recordSockets(page);
    await signInAt(page, origin, DEMO.admin);
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '수강 신청 차수' }).click();
    await page.getByRole('heading', { level: 1, name: '수강 신청 차수' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: place });
    await expect.poll(() => row.innerText()).toContain('0 / 30명');
    const connected = page.getByText('● 실시간 연결됨');
    await connected.waitFor();
    const banner = page.getByRole('alert').filter({ hasText: '서버와의 실시간 연결이 끊겼습니다. 자동으로 다시 연결하는 중입니다…' });
    expect(await banner.count()).toBe(0);
    // Everything goes through the proxy, the live connection included.
    expect(ws.sockets.length).toBeGreaterThan(0);
    for (const s of ws.sockets) expect(new URL(s.url).port).toBe(String(proxyPort));
    const socketsBefore = ws.sockets.length;
    // Marks this document: a reload would lose the mark.
    await page.evaluate(() => ((window as unknown as { e2eMark: number }).e2eMark = 1));

    // 1. The connection is cut: the banner appears (an alert, announced by screen readers) and the indicator stops saying connected.
    await proxy.close();
    await banner.waitFor({ timeout: 5_000 });
    await page.getByText('○ 실시간 연결 중').waitFor();
    expect(await connected.count()).toBe(0);
    await expect.poll(() => ws.sockets.every((s) => s.closed)).toBe(true);

    // From now on, record whether the banner ever leaves while the server is away.
    await page.evaluate((text) => {
      const w = window as unknown as { e2eBannerGone: number };
      w.e2eBannerGone = 0;
      const shown = () => Array.from(document.querySelectorAll('[role="alert"]')).some((el) => el.textContent?.includes(text));
      new MutationObserver(() => {
        if (!shown()) w.e2eBannerGone++;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, '서버와의 실시간 연결이 끊겼습니다');

    // Meanwhile a servant registers (straight to the API): the page cannot hear of it now.
    await register(SERVANT_EMAILS[0], offeringId);
    expect(await row.innerText()).toContain('0 / 30명');
    // The app tries again by itself (a new WebSocket, refused while the port is closed); the
    // banner stays through the attempt.
    await expect.poll(() => ws.sockets.length, { timeout: 5_000 }).toBeGreaterThan(socketsBefore);
    await expect.poll(() => ws.sockets.every((s) => s.closed)).toBe(true);
    expect(await banner.count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { e2eBannerGone: number }).e2eBannerGone), 'the banner went away while the server was still away').toBe(0);
    const socketsWhileDown = ws.sockets.length;

    // 2. The server comes back on the same port: with nothing done in the page, the banner goes
    // away, the indicator says connected again, and the screen catches up with the registration it
    // missed. The app retries after about 1 s, then 2, 4, 8 and at most 15 s (admin/src/client.ts).
    proxy = await tcpProxy(Number(new URL(baseUrl()).port), proxyPort);
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    // Screen readers are told politely that it is back (a status message, not only the indicator).
    await page.getByRole('status').filter({ hasText: '서버와 다시 연결되었습니다.' }).waitFor();
    await connected.waitFor();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('1 / 30명');

    // 3. Live counts flow again over the new connection: the next registrations reach the screen
    // as events on the socket opened after recovery, not by reloading.
    const used = await registerUntilShown(
      SERVANT_EMAILS.slice(1),
      offeringId,
      adminToken,
      async () => (await row.innerText()).match(/\d+ \/ 30명/)?.[0] ?? '',
      (count) => `${count} / 30명`,
    );
    // The page opened a new socket by itself (through the proxy again), and it is the one in use.
    expect(ws.sockets.length).toBeGreaterThan(socketsWhileDown);
    const socket = ws.sockets.at(-1)!;
    expect(new URL(socket.url).port).toBe(String(proxyPort));
    expect(socket.closed).toBe(false);
    // The subscription was sent again on the new socket, and an event for our offering came back on it.
    const counts = subscribeMessages(socket.sent).find((m) => m.payload.query.includes('enrollmentCountChanged'));
    expect(counts, 'the counts subscription was not sent again after reconnecting').toBeDefined();
    const events = socket.received.map((f) => JSON.parse(f)).filter((m) => m.type === 'next' && m.id === counts!.id);
    expect(events.some((m) => m.payload.data.enrollmentCountChanged.offerings.some((o: { id: string; registrantCount: number }) => o.id === offeringId && o.registrantCount === 1 + used))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { e2eMark?: number }).e2eMark)).toBe(1);
    expect(await banner.count()).toBe(0);
    await page.close();
  });
});
