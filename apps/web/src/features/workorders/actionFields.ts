// What each lifecycle action asks for before it is sent (domain.md §4): a reason for send back, transfer
// and pause (the state machine refuses them without one), the receiving unit for dispatch and transfer
// (dispatch and reopen default to the routing rule's answer), the answer for handle and reply, and the
// surviving order for a merge.
import type { WorkOrderAction } from '@gridcare/domain';

export type ModalAction = Exclude<WorkOrderAction, 'return_visit'>;
export type ActionField = 'targetUnitId' | 'reason' | 'replyText' | 'mergeIntoId' | 'note';

export interface ActionSpec {
  fields: { name: ActionField; required: boolean }[];
  /** How the button looks: the step forward is primary, turning the order back is red. */
  look: 'primary' | 'default' | 'danger';
}

const note = { name: 'note', required: false } as const;

export const ACTION_SPECS: Record<ModalAction, ActionSpec> = {
  dispatch: { fields: [{ name: 'targetUnitId', required: false }, note], look: 'primary' },
  take: { fields: [note], look: 'primary' },
  handle: { fields: [{ name: 'replyText', required: true }, note], look: 'primary' },
  reply: { fields: [{ name: 'replyText', required: true }, note], look: 'primary' },
  close: { fields: [note], look: 'primary' },
  pause: { fields: [{ name: 'reason', required: true }, note], look: 'default' },
  resume: { fields: [note], look: 'default' },
  transfer: {
    fields: [
      { name: 'targetUnitId', required: true },
      { name: 'reason', required: true },
    ],
    look: 'default',
  },
  send_back: { fields: [{ name: 'reason', required: true }, note], look: 'danger' },
  reopen: {
    fields: [
      { name: 'targetUnitId', required: false },
      { name: 'note', required: true },
    ],
    look: 'default',
  },
  merge: { fields: [{ name: 'mergeIntoId', required: true }, note], look: 'danger' },
};

/** The order of the buttons: forward steps first, then the detours. */
export const ACTION_ORDER: readonly ModalAction[] = [
  'dispatch',
  'take',
  'handle',
  'reply',
  'close',
  'pause',
  'resume',
  'transfer',
  'send_back',
  'reopen',
  'merge',
];
