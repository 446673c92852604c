import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startWorkshop } from '../../shared/control/commands';
import { readControl } from '../../shared/control/readControl';
import { createFacilitation, type Facilitation } from './facilitation';

const PHASES = [
  { id: 'p1', title: 'Collect', prompt: 'What worked?', minutes: 10 },
  { id: 'p2', title: 'Cluster', prompt: 'Group them', minutes: 5 },
  { id: 'p3', title: 'Vote', prompt: 'Pick three', minutes: 3 },
];

interface Call {
  url: string;
  init?: RequestInit;
}

/** A fake server for the HTTP calls' shape; the real routes have their own tests. */
function fakeFetch(answer: (call: Call) => { status: number; body: unknown }) {
  const calls: Call[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

let open: Facilitation[] = [];
afterEach(() => {
  open.forEach((f) => f.stop());
  open = [];
});

function setup(options: { fetch?: typeof fetch; now?: () => number } = {}) {
  const controlDoc = new Y.Doc();
  startWorkshop(controlDoc, { template: 'harvest', phases: PHASES });
  const f = createFacilitation({
    boardId: 'b1',
    token: 'tok',
    userId: 'u1',
    controlDoc,
    resyncMs: 0,
    fetch: options.fetch ?? fakeFetch(() => ({ status: 200, body: { mine: {}, left: 0 } })).fn,
    now: options.now,
  });
  f.start();
  open.push(f);
  return { controlDoc, f };
}

describe('facilitation: phases', () => {
  it('steps forward and back, goes to a phase, and the read model follows every change', () => {
    const { controlDoc, f } = setup();
    expect(f.getSnapshot().control.currentPhase?.id).toBe('p1');
    f.nextPhase();
    expect(f.getSnapshot().control.currentPhase?.title).toBe('Cluster');
    f.goToPhase('p3');
    expect(readControl(controlDoc).phase).toBe('p3');
    f.previousPhase();
    expect(f.getSnapshot().control.phase).toBe('p2');
    expect(f.goToPhase('nope')).toBe(false);
    expect(f.getSnapshot().error).toMatch(/no phase/);
  });

  it('sees a change another client makes to the control document', () => {
    const { controlDoc, f } = setup();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(controlDoc));
    remote.getMap('control').set('phase', 'p3');
    Y.applyUpdate(controlDoc, Y.encodeStateAsUpdate(remote));
    expect(f.getSnapshot().control.currentPhase?.title).toBe('Vote');
  });
});

describe('facilitation: server clock', () => {
  it('measures the offset with half the round trip, whatever the device clock says', async () => {
    // The device is 7 minutes behind; each request takes 100 ms there and back.
    let device = 1_000_000;
    const server = () => device + 7 * 60_000;
    const { fn, calls } = fakeFetch(() => {
      device += 50;
      const body = { now: server() };
      device += 50;
      return { status: 200, body };
    });
    const { f } = setup({ fetch: fn, now: () => device });
    expect(await f.syncClock()).toBe(true);
    expect(calls[0]!.url).toBe('/api/time');
    expect(f.getSnapshot().clockOffset).toBe(7 * 60_000);
    expect(f.serverNow()).toBe(server());
  });

  it('keeps the device clock when the server cannot be asked', async () => {
    const failing = (async () => {
      throw new Error('offline');
    }) as unknown as typeof fetch;
    const { f } = setup({ fetch: failing, now: () => 5 });
    expect(await f.syncClock()).toBe(false);
    expect(f.getSnapshot().clockKnown).toBe(false);
    expect(f.serverNow()).toBe(5);
  });
});

describe('facilitation: timer', () => {
  it('starts with the phase minutes by the server clock, pauses, resumes, adds a minute and resets', async () => {
    let device = 0;
    const { fn } = fakeFetch(() => ({ status: 200, body: { now: device + 420_000 } }));
    const { controlDoc, f } = setup({ fetch: fn, now: () => device });
    await f.syncClock();
    f.startTimer();
    expect(readControl(controlDoc).timer).toMatchObject({ running: true, endsAt: 420_000 + 10 * 60_000 });
    device += 60_000;
    expect(f.timeLeftMs()).toBe(9 * 60_000);
    f.pauseTimer();
    expect(readControl(controlDoc).timer).toMatchObject({ running: false, remainingMs: 9 * 60_000 });
    device += 30_000;
    expect(f.timeLeftMs()).toBe(9 * 60_000);
    f.resumeTimer();
    f.addMinute();
    expect(f.timeLeftMs()).toBe(10 * 60_000);
    f.resetTimer();
    expect(readControl(controlDoc).timer).toMatchObject({ running: false, remainingMs: 10 * 60_000 });
    f.startTimer(90_000);
    expect(f.timeLeftMs()).toBe(90_000);
    expect(f.resumeTimer()).toBe(false);
    expect(f.getSnapshot().error).toMatch(/not paused/);
  });
});

describe('facilitation: votes', () => {
  it('opens (smallWin by default), closes, reveals and clears the vote', () => {
    const { controlDoc, f } = setup();
    f.openVote(2);
    expect(readControl(controlDoc).voting).toMatchObject({
      open: true,
      budget: 2,
      kind: 'smallWin',
      revealed: false,
    });
    f.closeVote();
    expect(readControl(controlDoc).voting).toMatchObject({ open: false, revealed: false });
    f.revealVote();
    expect(readControl(controlDoc).voting).toMatchObject({ revealed: true });
    f.clearVote();
    expect(readControl(controlDoc).voting).toBeNull();
    expect(f.openVote(-1)).toBe(false);
  });

  it('casts dots over HTTP as this device, and keeps the refusal the server gives', async () => {
    let mine: Record<string, number> = {};
    const { fn, calls } = fakeFetch(({ init }) => {
      if (init?.method !== 'POST')
        return { status: 200, body: { mine, left: 2 - Object.values(mine).reduce((a, b) => a + b, 0) } };
      const body = JSON.parse(String(init.body)) as { itemId: string; dots: number };
      const others = Object.entries(mine).reduce((s, [id, n]) => (id === body.itemId ? s : s + n), 0);
      if (others + body.dots > 2) return { status: 409, body: { error: 'budget', message: 'too many' } };
      mine = { ...mine, [body.itemId]: body.dots };
      return { status: 200, body: { mine, left: 2 - others - body.dots } };
    });
    const { f } = setup({ fetch: fn });
    f.openVote(2);
    await expect.poll(() => f.getSnapshot().ballot?.left).toBe(2);
    const get = calls.find((call) => call.url.includes('/votes'))!;
    expect(get.url).toBe('/api/boards/b1/votes?userId=u1');
    expect(new Headers(get.init?.headers).get('Authorization')).toBe('Bearer tok');

    expect(await f.addDot('a')).toBe(true);
    expect(await f.addDot('a')).toBe(true);
    expect(f.getSnapshot().ballot).toMatchObject({ mine: { a: 2 }, left: 0 });
    const post = calls.at(-1)!;
    expect(post.url).toBe('/api/boards/b1/votes');
    expect(post.init?.method).toBe('POST');
    expect(JSON.parse(String(post.init?.body))).toEqual({ userId: 'u1', itemId: 'a', dots: 2 });

    expect(await f.addDot('b')).toBe(false);
    expect(f.getSnapshot().refusal).toBe('budget');
    expect(f.getSnapshot().ballot?.mine).toEqual({ a: 2 });

    expect(await f.removeDot('a')).toBe(true);
    expect(f.getSnapshot()).toMatchObject({ refusal: null, ballot: { left: 1 } });
  });

  it('asks again when the server answered before it saw the vote just opened', async () => {
    let asked = 0;
    const { fn } = fakeFetch(({ url }) => {
      if (url.includes('/votes')) asked += 1;
      return { status: 200, body: { mine: {}, left: asked > 1 ? 3 : 0 } };
    });
    const { f } = setup({ fetch: fn });
    f.openVote(3);
    await expect.poll(() => f.getSnapshot().ballot?.left).toBe(3);
    expect(asked).toBe(2);
  });

  it('names a closed vote and a viewer for what they are', async () => {
    const closed = fakeFetch(({ init }) =>
      init?.method === 'POST'
        ? { status: 409, body: { error: 'closed' } }
        : { status: 200, body: { mine: {}, left: 0 } },
    );
    const { f } = setup({ fetch: closed.fn });
    expect(await f.addDot('a')).toBe(false);
    expect(f.getSnapshot().refusal).toBe('closed');
    const viewer = fakeFetch(() => ({ status: 403, body: { error: { code: 'forbidden' } } }));
    const second = setup({ fetch: viewer.fn });
    expect(await second.f.addDot('a')).toBe(false);
    expect(second.f.getSnapshot().refusal).toBe('forbidden');
  });
});
