// Grid topology HTTP API: browse (customer:read) and maintain (org:admin) the network model.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Feeder,
  FeederCreate,
  FeederListQuery,
  FeederPage,
  Substation,
  SubstationCreate,
  SubstationPage,
  TopologyListQuery,
  TopologyTree,
  TopologyTreeQuery,
  TransformerArea,
  TransformerAreaCreate,
  TransformerAreaListQuery,
  TransformerAreaPage,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import * as topology from './topology.service';

const tags = ['topology'];

export const topologyRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/topology/substations',
    {
      schema: {
        tags,
        summary: 'Substations in scope, searchable by name/code',
        querystring: TopologyListQuery,
        response: { 200: SubstationPage },
      },
    },
    async (request) => topology.listSubstations(contextOf(request, db), request.query),
  );
  app.post(
    '/api/topology/substations',
    {
      schema: {
        tags,
        summary: 'Add a substation (org:admin)',
        body: SubstationCreate,
        response: { 201: Substation },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await topology.createSubstation(contextOf(request, db), request.body)),
  );

  app.get(
    '/api/topology/feeders',
    {
      schema: {
        tags,
        summary: 'Feeders in scope, optionally of one substation',
        querystring: FeederListQuery,
        response: { 200: FeederPage },
      },
    },
    async (request) => topology.listFeeders(contextOf(request, db), request.query),
  );
  app.post(
    '/api/topology/feeders',
    {
      schema: {
        tags,
        summary: 'Add a 10 kV feeder (org:admin)',
        body: FeederCreate,
        response: { 201: Feeder },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await topology.createFeeder(contextOf(request, db), request.body)),
  );

  app.get(
    '/api/topology/transformer-areas',
    {
      schema: {
        tags,
        summary: 'Transformer areas (台区) in scope, optionally of one feeder',
        querystring: TransformerAreaListQuery,
        response: { 200: TransformerAreaPage },
      },
    },
    async (request) => topology.listTransformerAreas(contextOf(request, db), request.query),
  );
  app.post(
    '/api/topology/transformer-areas',
    {
      schema: {
        tags,
        summary: 'Add a transformer area (org:admin)',
        body: TransformerAreaCreate,
        response: { 201: TransformerArea },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await topology.createTransformerArea(contextOf(request, db), request.body)),
  );

  app.get(
    '/api/topology/tree',
    {
      schema: {
        tags,
        summary: 'Substation → feeders → transformer areas with customer counts (limited)',
        querystring: TopologyTreeQuery,
        response: { 200: TopologyTree },
      },
    },
    async (request) => topology.topologyTree(contextOf(request, db), request.query.orgUnitId),
  );
};
