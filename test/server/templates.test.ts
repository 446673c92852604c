/** Boards created from a workshop template over a real server: phases, first phase, locked areas. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readControl } from '../../shared/control/readControl';
import { controlRoomName } from '../../shared/control/roomName';
import { readBoard } from '../../shared/readBoard';
import { connectSynced, startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function create(body: Record<string, unknown>) {
  const res = await fetch(`${server.http}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string; tokens: Record<string, string> } };
}

describe('templates', () => {
  it.each([
    ['harvest', 'nl', 'Ambitie'],
    ['propel', 'en', 'Pick'],
    ['boundaries', 'en', 'Actors'],
  ])('%s in %s opens at its first phase with its areas locked', async (template, language, first) => {
    const { status, body } = await create({ title: 'Werkplaats', language, template });
    expect(status).toBe(201);
    const participant = body.tokens.participant!;
    const control = await connectSynced(server, controlRoomName(body.id), participant);
    const content = await connectSynced(server, body.id, participant);
    const state = readControl(control.doc);
    const board = readBoard(content.doc);
    expect(state.template).toBe(template);
    expect(state.phases.length).toBeGreaterThanOrEqual(3);
    expect(state.currentPhase?.title).toBe(first);
    expect(board.items.length).toBeGreaterThanOrEqual(state.phases.length);
    expect(board.items.every((i) => i.kind === 'frame' && state.lockedItems.has(i.id))).toBe(true);
    expect(board.meta.language).toBe(language);
    control.destroy();
    content.destroy();
  });

  it('makes a blank board without phases or areas, and refuses an unknown template', async () => {
    const { body } = await create({ title: 'Leeg' });
    const control = await connectSynced(server, controlRoomName(body.id), body.tokens.viewer!);
    const content = await connectSynced(server, body.id, body.tokens.viewer!);
    expect(readControl(control.doc)).toMatchObject({ template: null, phases: [], phase: null });
    expect(readBoard(content.doc).items).toEqual([]);
    control.destroy();
    content.destroy();
    expect((await create({ title: 'X', template: 'brainstorm' })).status).toBe(400);
  });
});
