import { describe, expect, it } from 'vitest';
import { newEpochKeys, sealFields } from '../../src-shared/sync/sealing';
import { useRelayInMemory } from '../helpers/relay-in-memory';
import { call, createWorkspace, wireChange } from './helpers/relay-harness';

// Once a workspace has a key, the relay keeps no plain value: a change carrying a sealed field
// in the clear (a laptop of an earlier version) is set aside with its reason, and the rest of the
// push lands. Before the workspace has a key, plain values are all there is and are kept.

const relay = useRelayInMemory();

async function workspaceWithKey() {
  const admin = await createWorkspace(relay.url);
  const keys = newEpochKeys(1);
  const added = await call(relay.url, 'POST', '/v1/keys/epochs', { token: admin.deviceToken, body: { epoch: 1, boxPublic: keys.boxPublic, envelopes: [] } });
  expect(added.status).toBe(200);
  return { admin, keys };
}

const pulledRows = async (token: string) =>
  ((await call(relay.url, 'GET', '/v1/pull?after=0', { token })).body as { changes: { change: { rowId: string; fields: Record<string, unknown> } }[] }).changes.map((entry) => entry.change);

describe('plain values in a workspace with a key', () => {
  it('are refused change by change with the reason, while the sealed changes of the same push are stored', async () => {
    const { admin, keys } = await workspaceWithKey();
    const plain = wireChange({ fields: { name: 'Harriet Plainview', phone: '+44 7700 900123', cl: 1 } });
    const sealedChange = wireChange();
    const sealed = { ...sealedChange, fields: sealFields(keys, sealedChange) };
    // Only the causal length, and an erasure's ids, stay plain on the wire.
    const causalOnly = wireChange({ fields: { cl: 2 } });

    const answer = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [plain, sealed, causalOnly] } });
    expect(answer.status).toBe(200);
    expect(answer.body.acknowledged).toEqual([sealed.changeId, causalOnly.changeId]);
    expect(answer.body.refused).toEqual([{ changeId: plain.changeId, reason: expect.stringMatching(/encrypted end to end, but contacts\.name, phone came unsealed.*Update Fieldbook/) }]);

    const stored = await pulledRows(admin.deviceToken);
    expect(stored.map((row) => row.rowId).sort()).toEqual([sealed.rowId, causalOnly.rowId].sort());
    expect(JSON.stringify(stored)).not.toContain('Harriet');
  });

  it('refuses a change that mixes a sealed value with a plain one', async () => {
    const { admin, keys } = await workspaceWithKey();
    const change = wireChange({ fields: { name: 'placeholder', summary: 'Boiler leaks on Tuesdays' } });
    const mixed = { ...change, fields: { ...sealFields(keys, { ...change, fields: { name: 'Ivo Mixed' } }), summary: 'Boiler leaks on Tuesdays' } };
    const answer = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [mixed] } });
    expect(answer.body.refused).toEqual([{ changeId: mixed.changeId, reason: expect.stringContaining('contacts.summary came unsealed') }]);
  });

  it('are kept in a workspace that has no key yet', async () => {
    const admin = await createWorkspace(relay.url);
    const plain = wireChange({ fields: { name: 'Jonas Before-Keys', cl: 1 } });
    const answer = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [plain] } });
    expect(answer.body).toMatchObject({ acknowledged: [plain.changeId], refused: [] });
  });
});
