import { describe, expect, it } from 'vitest';
import { WORK_ORDER_ACTIONS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from './work-order-model';
import type { WorkOrderAction, WorkOrderStatus } from './work-order-model';
import { allowedActions, externalStatus, transition } from './work-order-state';
import type { WorkOrderState } from './work-order-state';

// Expected outcome of every (state × action) pair, domain.md §4. A status name means success to that status
// (a trailing "+" means the order stays paused); anything else is the error code. Every action not listed
// for a state is an illegal transition. Input: a reason, no order type, no return visit required.
type Expected = WorkOrderStatus | `${WorkOrderStatus}+` | 'order_paused' | 'order_not_paused';
const LEGAL: Record<string, Partial<Record<WorkOrderAction, Expected>>> = {
  accepted: { dispatch: 'dispatched', merge: 'merged' },
  dispatched: {
    take: 'taken',
    send_back: 'accepted',
    transfer: 'dispatched',
    pause: 'dispatched+',
    resume: 'order_not_paused',
    merge: 'merged',
  },
  taken: {
    send_back: 'accepted',
    transfer: 'dispatched',
    handle: 'handled',
    pause: 'taken+',
    resume: 'order_not_paused',
    merge: 'merged',
  },
  handled: { reply: 'replied', pause: 'handled+', resume: 'order_not_paused', merge: 'merged' },
  replied: { return_visit: 'closed', close: 'closed', reopen: 'accepted', merge: 'merged' },
  closed: { reopen: 'accepted' },
  merged: {},
  'dispatched paused': {
    take: 'order_paused',
    send_back: 'order_paused',
    transfer: 'dispatched+',
    pause: 'order_paused',
    resume: 'dispatched',
    merge: 'merged',
  },
  'taken paused': {
    send_back: 'order_paused',
    transfer: 'dispatched+',
    handle: 'order_paused',
    pause: 'order_paused',
    resume: 'taken',
    merge: 'merged',
  },
  'handled paused': { reply: 'order_paused', pause: 'order_paused', resume: 'handled', merge: 'merged' },
};

function stateOf(key: string): WorkOrderState {
  const [status, paused] = key.split(' ');
  return { status: status as WorkOrderStatus, paused: paused === 'paused' };
}

const cases = Object.entries(LEGAL).flatMap(([key, row]) =>
  WORK_ORDER_ACTIONS.map((action) => [key, action, row[action] ?? 'illegal_transition'] as const),
);

describe('transition: every state × action', () => {
  it('covers all seven statuses and all twelve actions', () => {
    expect(new Set(cases.map(([k]) => stateOf(k).status))).toEqual(new Set(WORK_ORDER_STATUSES));
    expect(cases).toHaveLength(10 * 12);
  });

  it.each(cases)('%s --%s--> %s', (key, action, expected) => {
    const from = stateOf(key);
    const result = transition(from, action, { reason: 'wrong supply office', returnVisitRequired: false });
    if ((WORK_ORDER_STATUSES as readonly string[]).includes(expected.replace('+', ''))) {
      expect(result).toEqual({
        ok: true,
        state: { status: expected.replace('+', ''), paused: expected.endsWith('+') },
      });
    } else {
      expect(result).toEqual({ ok: false, code: expected, from, action });
    }
  });
});

describe('transition: rules that depend on input', () => {
  it.each(['send_back', 'transfer', 'pause'] as const)('%s needs a non-blank reason', (action) => {
    const from = { status: 'taken', paused: false } as const;
    expect(transition(from, action)).toMatchObject({ ok: false, code: 'reason_required' });
    expect(transition(from, action, { reason: '   ' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(transition(from, action, { reason: 'customer to send photos' }).ok).toBe(true);
  });

  it('a transfer while paused still needs a reason', () => {
    const r = transition({ status: 'dispatched', paused: true }, 'transfer');
    expect(r).toMatchObject({ ok: false, code: 'reason_required' });
  });

  it.each([
    ['consultation', true],
    ['query', true],
    ['suggestion', true],
    ['praise', true],
    ['fault_repair', false],
    ['complaint', false],
    ['report', false],
    ['application', false],
    ['urge', false],
  ] as const)('on-the-spot reply from accepted for %s: %s', (type, ok) => {
    const r = transition({ status: 'accepted', paused: false }, 'reply', { type });
    expect(r.ok).toBe(ok);
    if (ok) expect(r).toEqual({ ok: true, state: { status: 'replied', paused: false } });
    else expect(r).toMatchObject({ code: 'illegal_transition' });
  });

  it('a handled order may be replied whatever its type', () => {
    for (const type of WORK_ORDER_TYPES)
      expect(transition({ status: 'handled', paused: false }, 'reply', { type }).ok).toBe(true);
  });

  it('close is refused while a return visit is required; the visit closes instead', () => {
    const replied = { status: 'replied', paused: false } as const;
    expect(transition(replied, 'close', { returnVisitRequired: true })).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(transition(replied, 'return_visit', { returnVisitRequired: true })).toEqual({
      ok: true,
      state: { status: 'closed', paused: false },
    });
  });

  it.each([
    ['fault_repair', false],
    ['complaint', false],
    ['application', false],
    ['consultation', true],
    ['praise', true],
  ] as const)(
    'without an explicit flag, close of a %s follows the return-visit default (allowed: %s)',
    (type, ok) => {
      expect(transition({ status: 'replied', paused: false }, 'close', { type }).ok).toBe(ok);
    },
  );

  it('the explicit flag wins over the type default', () => {
    const replied = { status: 'replied', paused: false } as const;
    expect(transition(replied, 'close', { type: 'complaint', returnVisitRequired: false }).ok).toBe(true);
    expect(transition(replied, 'close', { type: 'consultation', returnVisitRequired: true }).ok).toBe(false);
  });

  it('merge clears the paused flag', () => {
    expect(transition({ status: 'taken', paused: true }, 'merge')).toEqual({
      ok: true,
      state: { status: 'merged', paused: false },
    });
  });
});

describe('allowedActions', () => {
  it.each([
    [{ status: 'accepted', paused: false }, {}, ['dispatch', 'merge']],
    [{ status: 'accepted', paused: false }, { type: 'consultation' }, ['dispatch', 'reply', 'merge']],
    [{ status: 'dispatched', paused: false }, {}, ['take', 'send_back', 'transfer', 'pause', 'merge']],
    [{ status: 'taken', paused: true }, {}, ['transfer', 'resume', 'merge']],
    [{ status: 'handled', paused: true }, {}, ['resume', 'merge']],
    [{ status: 'replied', paused: false }, { type: 'complaint' }, ['return_visit', 'reopen', 'merge']],
    [{ status: 'replied', paused: false }, { type: 'query' }, ['return_visit', 'close', 'reopen', 'merge']],
    [{ status: 'closed', paused: false }, {}, ['reopen']],
    [{ status: 'merged', paused: false }, {}, []],
  ] as const)('%o with %o → %o', (state, ctx, actions) => {
    expect(allowedActions(state, ctx)).toEqual(actions);
  });
});

describe('externalStatus (一口对外, 内转外不转)', () => {
  it.each([
    ['accepted', false, 'received'],
    ['dispatched', false, 'processing'],
    ['taken', false, 'processing'],
    ['handled', false, 'processing'],
    ['dispatched', true, 'waiting_customer'],
    ['taken', true, 'waiting_customer'],
    ['handled', true, 'waiting_customer'],
    ['replied', false, 'replied'],
    ['closed', false, 'completed'],
    ['merged', false, 'completed'],
  ] as const)('%s (paused %s) shows %s', (status, paused, shown) => {
    expect(externalStatus({ status, paused })).toBe(shown);
  });

  it('a transfer between units does not change what the customer sees', () => {
    const taken = { status: 'taken', paused: false } as const;
    const r = transition(taken, 'transfer', { reason: 'belongs to the west office' });
    expect(r.ok && externalStatus(r.state)).toBe(externalStatus(taken));
  });
});
