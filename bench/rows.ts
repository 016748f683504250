import {
  BROKER,
  CONCURRENCY as C,
  PROCESSOR_CONCURRENCY,
  RATE,
  Scale,
  Section,
} from './lib/config';

export interface Row {
  readonly id: string;
  readonly section: Section;
  readonly what: string;
  readonly baseline: string;
  readonly target: string;
}

/**
 * Every row of the table, in order: id | the section that measures it | what | the baseline,
 * measured in the same run | the target (issue 16): `≥` or `≤` on the ratio result / baseline,
 * `<` on the result itself, `—` for none. Ids are stable (ADRs and issues cite them): the gaps
 * are rows that were dropped. A row its section leaves without a figure is NO NUMBER, and fails
 * the run. bench/README.md explains each.
 */
export function rows({ jobs, backlog, messages: n }: Scale): Row[] {
  return `
2a | wrapper  | Unit of work + in-memory bus: order, 2 items, 1 event to a no-op subscriber (${C} concurrent) | raw pg: the 2 inserts in BEGIN/COMMIT | ≥ 0.8×
2b | wrapper  | Unit of work + registry bus: the same (${C} concurrent) | raw pg: the 2 inserts in BEGIN/COMMIT | ≥ 0.6×
3a | http     | POST /api/orders (2 Rx + 1 OTC), ${C} connections | raw pg: the order's 2 transactions | ≥ 0.5×
4b | pipeline | Approval commit → order ready, approvals at ${RATE}/s, p99 | raw pg: the ready path's transaction, p99 | < 25 ms
5a | jobs     | eRx jobs: ${jobs} jobs queued, then drained (concurrency ${PROCESSOR_CONCURRENCY}) | no-op job, the same | —
5b | jobs     | eRx jobs: ${jobs} jobs fed by approvals on ${C} connections | no-op job, added by ${C} producers | —
5c | jobs     | eRx jobs on the PostgreSQL queue backend: 5a again | on Redis (5a) | —
5d | jobs     | eRx jobs on the PostgreSQL queue backend: 5b again | on Redis (5b) | —
6c | http     | API memory held after the 3a load and a full GC (heap used + external) | the same API, idle, after a full GC | ≤ 1.1×
7a | relay    | Registry relay drains ${backlog.toLocaleString('en-US')} due publications | raw pg: one update per row, as many lanes | ≥ 0.5×
8a | broker   | Registry → RabbitMQ hand-off, publisher confirms (${n} events) | raw amqplib: confirmed batches of ${BROKER.batch} | ≥ 0.5×
8b | broker   | Broker consumer with the inbox, 1 transaction a message (${n}) | raw amqplib: consume and ack, prefetch ${BROKER.prefetch} | —
8c | broker   | Broker: publishing commit → subscriber commit at ${BROKER.rate}/s, p50 | raw amqplib: confirmed publish → consume, p50 | —
8d | broker   | Broker: two consumer processes on one backlog of ${n} | one consumer process | —`
    .trim()
    .split('\n')
    .map((line) => {
      const [id, section, what, baseline, target] = line.split(' | ').map((cell) => cell.trim());
      return { id, section: section as Section, what, baseline, target };
    });
}

/** Whether a row's figures meet its target; undefined when it has none. */
export function meets(target: string, ratio: number, result: number): boolean | undefined {
  const [, op, bound] = /^([≥≤<]) ([\d.]+)/.exec(target) ?? [];
  if (op === '≥') return ratio >= Number(bound);
  if (op === '≤') return ratio <= Number(bound);
  if (op === '<') return result < Number(bound);
  return undefined;
}
