import 'reflect-metadata';
import Fastify from 'fastify';
import { AppModule } from '../app.module';
import { routesOf } from '../auth/route-table';
import { loadApiConfig } from '../config/api-config';
import { EngineMetrics } from './engine-metrics';
import { commandNamesOf, recordHttpMetrics } from './http-metrics';

describe('command labels of the latency histogram', () => {
  it('names every POST route under /api/v1 after its handler, and nothing else', () => {
    const names = commandNamesOf(routesOf(AppModule.forRoot(loadApiConfig({}))));
    expect(names.get('/api/v1/cases')).toBe('receiveCase');
    expect(names.get('/api/v1/cases/:caseId/settle')).toBe('settle');
    expect([...names.keys()].every((route) => route.startsWith('/api/'))).toBe(true);
    expect(names.has('/api/v1/cases/:caseId/events')).toBe(false);
  });

  it('labels a command by its handler whatever the answer, and an unnamed POST by its route template', async () => {
    const metrics = new EngineMetrics();
    const fastify = Fastify();
    recordHttpMetrics(fastify, metrics, new Map([['/api/v1/cases', 'receiveCase']]));
    fastify.post('/api/v1/cases', (_request, reply) => reply.code(400).send({}));
    fastify.post('/api/v1/other/:id', () => ({}));
    fastify.get('/api/v1/cases/:caseId', () => ({}));
    await fastify.inject({ method: 'POST', url: '/api/v1/cases' });
    await fastify.inject({ method: 'POST', url: '/api/v1/other/7' });
    await fastify.inject({ method: 'GET', url: '/api/v1/cases/7' });
    const counts = (await metrics.commandDuration.get()).values
      .filter((value) => value.metricName === 'thads_command_duration_seconds_count')
      .map((value) => ({ ...value.labels, count: value.value }));
    expect(counts).toEqual(
      expect.arrayContaining([
        { command: 'receiveCase', outcome: 'refused', count: 1 },
        { command: '/api/v1/other/:id', outcome: 'accepted', count: 1 },
      ]),
    );
    expect(counts).toHaveLength(2);
    await fastify.close();
  });
});
