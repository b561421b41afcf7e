// The five parts of a customer archive the 360 page edits in place, and how each maps onto the API.
import dayjs from 'dayjs';
import type { z } from 'zod';
import {
  AccountInput,
  AccountPatch,
  ContactInput,
  ContactPatch,
  MeterInput,
  MeterPatch,
  PremiseInput,
  PremisePatch,
  TransformerInput,
  TransformerPatch,
} from '@gridcare/contracts';
import type { CustomerOverview } from '../../api/types';
import { PART_DEFAULTS, clean } from './customerFormValues';

export type PartKind = 'contact' | 'premise' | 'account' | 'meter' | 'transformer';

export interface PartSpec {
  /** URL segment: POST /api/customers/:id/<path>, PATCH/DELETE /api/<path>/:id. */
  path: string;
  /** Where the overview lists the part. */
  collection: 'contacts' | 'premises' | 'accounts' | 'meters' | 'transformers';
  input: z.ZodType;
  patch: z.ZodObject;
  /** Fields the form holds as dayjs and the API as YYYY-MM-DD. */
  dates: readonly string[];
  /** Accounts are never deleted: closing one is status 'closed'. */
  deletable: boolean;
}

export const PART_KINDS: Record<PartKind, PartSpec> = {
  contact: {
    path: 'contacts',
    collection: 'contacts',
    input: ContactInput,
    patch: ContactPatch,
    dates: [],
    deletable: true,
  },
  premise: {
    path: 'premises',
    collection: 'premises',
    input: PremiseInput,
    patch: PremisePatch,
    dates: [],
    deletable: true,
  },
  account: {
    path: 'accounts',
    collection: 'accounts',
    input: AccountInput,
    patch: AccountPatch,
    dates: [],
    deletable: false,
  },
  meter: {
    path: 'meters',
    collection: 'meters',
    input: MeterInput,
    patch: MeterPatch,
    dates: ['installDate', 'lastTestDate'],
    deletable: true,
  },
  transformer: {
    path: 'transformers',
    collection: 'transformers',
    input: TransformerInput,
    patch: TransformerPatch,
    dates: ['sealedAt'],
    deletable: true,
  },
};

export type PartRecord = { id: number; version: number } & Record<string, unknown>;

/** What a dialog opens on: an existing part (id) or a new one (optional starting values). */
export interface PartTarget {
  kind: PartKind;
  id?: number;
  defaults?: Record<string, unknown>;
}

export function findPart(overview: CustomerOverview, kind: PartKind, id: number): PartRecord | undefined {
  const list = overview[PART_KINDS[kind].collection] as unknown as PartRecord[];
  return list.find((r) => r.id === id);
}

/** Form values for a part: a saved record (dates as dayjs) or the defaults for a new one. */
export function partFormValues(target: PartTarget, record: PartRecord | undefined): Record<string, unknown> {
  if (!record) return { ...PART_DEFAULTS[target.kind], ...target.defaults };
  const values: Record<string, unknown> = { ...record };
  for (const d of PART_KINDS[target.kind].dates) values[d] = record[d] ? dayjs(record[d] as string) : null;
  return values;
}

/** POST body: trimmed, blanks left out (the server fills in its defaults). */
export function partCreateBody(values: Record<string, unknown>): Record<string, unknown> {
  return clean(values) as Record<string, unknown>;
}

/**
 * PATCH body without the version: only fields the form holds, the PATCH accepts and the user
 * changed; a cleared field is sent as null.
 */
export function partChanges(
  kind: PartKind,
  loaded: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const patchable = PART_KINDS[kind].patch.shape;
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === 'version' || !(k in patchable)) continue;
    const before = clean(loaded[k]);
    const after = clean(v);
    if (JSON.stringify(before) !== JSON.stringify(after)) changes[k] = after === undefined ? null : after;
  }
  return changes;
}
