// What is special about each part of a customer: how a body becomes columns, which references must
// stay inside the same customer, and what a change does to search.
import { meterMultiplier } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { invalid } from '../../platform/http/errors';
import { resolvePremiseTopology } from '../topology/topology.service';
import { fullAddress } from './customer-duplicates.service';
import {
  ACCOUNTS,
  CONTACTS,
  METERS,
  PREMISES,
  TRANSFORMERS,
  countReferences,
  partBelongsTo,
} from './customer-parts.repository';
import type { ContactView } from '@gridcare/contracts';
import type { RequestContext } from '../../platform/auth/context';
import { auditPiiView, presentContact, seesPii } from './customer-pii';
import type { PartHooks } from './customer-parts.service';
import { createPart, deletePartById, stillReferenced, updatePartById } from './customer-parts.service';
import { contactValues } from './customers.service';

type Body = Record<string, unknown>;
type Owner = { customerId: number; orgUnitId: number };

const NOT_THIS_CUSTOMER = '不属于该客户 (belongs to another customer or does not exist)';

async function requireOwn(tx: Db, table: 'premises' | 'accounts', id: unknown, owner: Owner, path: string) {
  if (id == null) return;
  if (!(await partBelongsTo(tx, table, id as number, owner.customerId)))
    throw invalid(path, NOT_THIS_CUSTOMER);
}

export const contactKind = {
  spec: CONTACTS,
  hooks: (body: Body): PartHooks<ReturnType<typeof CONTACTS.map>> => ({
    refreshesSearch: true,
    describe: (c) => c.name,
    prepare: async () => contactValues(body),
  }),
};

export const premiseKind = {
  spec: PREMISES,
  hooks: (body: Body): PartHooks<ReturnType<typeof PREMISES.map>> => ({
    refreshesSearch: true,
    describe: (p) => p.fullAddress,
    prepare: async (tx, _owner, existing) => {
      const merged = { ...(existing ?? {}), ...body } as Parameters<typeof fullAddress>[0] & {
        transformerAreaId?: number | null;
        feederId?: number | null;
      };
      const touchesGrid = !existing || body.transformerAreaId !== undefined || body.feederId !== undefined;
      // An area given without a feeder brings its own feeder, so a stale feeder must not stay behind.
      const grid = touchesGrid
        ? await resolvePremiseTopology(
            tx,
            {
              transformerAreaId: merged.transformerAreaId,
              feederId: body.feederId !== undefined || !existing ? merged.feederId : null,
            },
            'body',
          )
        : {};
      return { ...body, ...grid, fullAddress: fullAddress(merged) };
    },
  }),
  guard: async (tx: Db, p: { id: number }) => {
    if ((await countReferences(tx, 'accounts_of_premise', p.id)) > 0) {
      throw stillReferenced('id', '该地址下仍有用电户 (accounts still use this premise)');
    }
  },
};

export const accountKind = {
  spec: ACCOUNTS,
  hooks: (body: Body): PartHooks<ReturnType<typeof ACCOUNTS.map>> => ({
    refreshesSearch: true,
    describe: (a) => `${a.accountNo}（${a.status}）`,
    prepare: async (tx, owner) => {
      await requireOwn(tx, 'premises', body.premiseId, owner, 'body.premiseId');
      return body;
    },
  }),
};

export const meterKind = {
  spec: METERS,
  hooks: (body: Body): PartHooks<ReturnType<typeof METERS.map>> => ({
    refreshesSearch: false,
    describe: (m) => `${m.assetNo} ×${m.multiplier}`,
    prepare: async (tx, owner, existing) => {
      await requireOwn(tx, 'accounts', body.accountId, owner, 'body.accountId');
      // 综合倍率 = CT ratio × PT ratio, recomputed whenever either ratio changes.
      const ct = (body.ctRatio as number | undefined) ?? existing?.ctRatio ?? 1;
      const pt = (body.ptRatio as number | undefined) ?? existing?.ptRatio ?? 1;
      return { ...body, multiplier: meterMultiplier(ct, pt) };
    },
  }),
};

export const transformerKind = {
  spec: TRANSFORMERS,
  hooks: (body: Body): PartHooks<ReturnType<typeof TRANSFORMERS.map>> => ({
    refreshesSearch: false,
    describe: (t) => `${t.assetNo} ${t.capacityKva}kVA`,
    prepare: async (tx, owner) => {
      await requireOwn(tx, 'accounts', body.accountId, owner, 'body.accountId');
      return body;
    },
  }),
};

// --- Use cases, one per route -------------------------------------------------------------------------
type Versioned = { version: number } & Body;

async function presentContactTo(ctx: RequestContext, c: ContactView): Promise<ContactView> {
  const unmasked = seesPii(ctx);
  if (unmasked && (c.mobile || c.phone))
    await auditPiiView(ctx.db, ctx, { customerIds: [c.customerId], what: 'contact' });
  return presentContact(c, unmasked);
}

export const addContact = async (ctx: RequestContext, customerId: number, body: Body) =>
  presentContactTo(ctx, await createPart(ctx, contactKind.spec, contactKind.hooks(body), customerId));
export const changeContact = async (ctx: RequestContext, id: number, { version, ...patch }: Versioned) =>
  presentContactTo(ctx, await updatePartById(ctx, contactKind.spec, contactKind.hooks(patch), id, version));
export const removeContact = (ctx: RequestContext, id: number, version?: number) =>
  deletePartById(ctx, contactKind.spec, contactKind.hooks({}), id, version);

export const addPremise = (ctx: RequestContext, customerId: number, body: Body) =>
  createPart(ctx, premiseKind.spec, premiseKind.hooks(body), customerId);
export const changePremise = (ctx: RequestContext, id: number, { version, ...patch }: Versioned) =>
  updatePartById(ctx, premiseKind.spec, premiseKind.hooks(patch), id, version);
export const removePremise = (ctx: RequestContext, id: number, version?: number) =>
  deletePartById(ctx, premiseKind.spec, { ...premiseKind.hooks({}), guard: premiseKind.guard }, id, version);

export const addAccount = (ctx: RequestContext, customerId: number, body: Body) =>
  createPart(ctx, accountKind.spec, accountKind.hooks(body), customerId);
/** Accounts are never deleted: closing one (销户) is a status change kept in the archive. */
export const changeAccount = (ctx: RequestContext, id: number, { version, ...patch }: Versioned) =>
  updatePartById(ctx, accountKind.spec, accountKind.hooks(patch), id, version);

export const addMeter = (ctx: RequestContext, customerId: number, body: Body) =>
  createPart(ctx, meterKind.spec, meterKind.hooks(body), customerId);
export const changeMeter = (ctx: RequestContext, id: number, { version, ...patch }: Versioned) =>
  updatePartById(ctx, meterKind.spec, meterKind.hooks(patch), id, version);
export const removeMeter = (ctx: RequestContext, id: number, version?: number) =>
  deletePartById(ctx, meterKind.spec, meterKind.hooks({}), id, version);

export const addTransformer = (ctx: RequestContext, customerId: number, body: Body) =>
  createPart(ctx, transformerKind.spec, transformerKind.hooks(body), customerId);
export const changeTransformer = (ctx: RequestContext, id: number, { version, ...patch }: Versioned) =>
  updatePartById(ctx, transformerKind.spec, transformerKind.hooks(patch), id, version);
export const removeTransformer = (ctx: RequestContext, id: number, version?: number) =>
  deletePartById(ctx, transformerKind.spec, transformerKind.hooks({}), id, version);
