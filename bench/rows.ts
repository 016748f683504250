import type { BenchConfig } from './lib/config';
import { PROCESSOR_CONCURRENCY } from './lib/jobs';
import type { RowSpec } from './lib/report';
import type { Scale } from './lib/scale';
import { BROKER } from './sections/broker';

/**
 * Every row of the table, in order, with its target. Ids are stable (ADRs and issues cite
 * them), so the gaps are rows that were dropped. A section fills in the figures of its rows;
 * a row left without one is reported as NO NUMBER and fails the run.
 */
export function rowSpecs(config: BenchConfig, scale: Scale): RowSpec[] {
  const lanes = `${config.concurrency} concurrent`;
  const jobs = `${scale.jobs} jobs`;
  const n = scale.brokerMessages;
  return [
    {
      id: '2a',
      section: 'wrapper',
      what: `Unit of work + in-memory bus: order, 2 items, 1 event to a no-op subscriber (${lanes})`,
      baseline: 'raw pg: the 2 inserts in BEGIN/COMMIT',
      target: { kind: 'ratio-at-least', min: 0.8 },
    },
    {
      id: '2b',
      section: 'wrapper',
      what: `Unit of work + registry bus: the same (${lanes})`,
      baseline: 'raw pg: the 2 inserts in BEGIN/COMMIT',
      target: { kind: 'ratio-at-least', min: 0.6 },
    },
    {
      id: '3a',
      section: 'http',
      what: `POST /api/orders (2 Rx + 1 OTC), ${config.concurrency} connections`,
      baseline: "raw pg: the order's 2 transactions",
      target: { kind: 'ratio-at-least', min: 0.5 },
    },
    {
      id: '4b',
      section: 'pipeline',
      what: `Approval commit → order ready, approvals at ${config.rate}/s, p99`,
      baseline: "raw pg: the ready path's transaction, p99",
      target: { kind: 'below', max: 25 },
    },
    {
      id: '5a',
      section: 'jobs',
      what: `eRx jobs: ${jobs} queued, then drained (concurrency ${PROCESSOR_CONCURRENCY})`,
      baseline: 'no-op job, the same',
    },
    {
      id: '5b',
      section: 'jobs',
      what: `eRx jobs: ${jobs} fed by approvals on ${config.concurrency} connections`,
      baseline: `no-op job, added by ${config.concurrency} producers`,
    },
    {
      id: '5c',
      section: 'jobs',
      what: 'eRx jobs on the PostgreSQL queue backend: 5a again',
      baseline: 'on Redis (5a)',
    },
    {
      id: '5d',
      section: 'jobs',
      what: 'eRx jobs on the PostgreSQL queue backend: 5b again',
      baseline: 'on Redis (5b)',
    },
    {
      id: '6c',
      section: 'http',
      what: 'API resident memory after the 3a load and a full GC',
      baseline: 'the same API, idle, after a full GC',
      target: { kind: 'ratio-at-most', max: 1.1 },
    },
    {
      id: '7a',
      section: 'relay',
      what: `Registry relay drains ${scale.relayBacklog.toLocaleString('en-US')} due publications`,
      baseline: 'raw pg: one update per row, as many lanes',
      target: { kind: 'ratio-at-least', min: 0.5 },
    },
    {
      id: '8a',
      section: 'broker',
      what: `Registry → RabbitMQ hand-off, publisher confirms (${n} events)`,
      baseline: `raw amqplib: confirmed batches of ${BROKER.batch}`,
      target: { kind: 'ratio-at-least', min: 0.5 },
    },
    {
      id: '8b',
      section: 'broker',
      what: `Broker consumer with the inbox, 1 transaction a message (${n})`,
      baseline: `raw amqplib: consume and ack, prefetch ${BROKER.prefetch}`,
    },
    {
      id: '8c',
      section: 'broker',
      what: `Broker: publishing commit → subscriber commit at ${BROKER.rate}/s, p50`,
      baseline: 'raw amqplib: confirmed publish → consume, p50',
    },
    {
      id: '8d',
      section: 'broker',
      what: `Broker: two consumer processes on one backlog of ${n}`,
      baseline: 'one consumer process',
    },
  ];
}
