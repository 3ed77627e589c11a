/**
 * The figures of one office's end states in a scenario file (docs/scenarios.md): counts and exact VND, the part carried
 * over, the ex officio part, and where entrusted cases go. Every problem is added with its field's path.
 */
import { readInteger, readObject, readText, readVnd, type JsonObject, type Problems } from './json-fields';
import { END_STATES, type CaseCount, type EndState, type EndStateFigures } from './scenario';

/** More cases than this in one figure is a typo, not a province. */
const MAX_CASES = 1_000_000;
const FIGURE_FIELDS = ['count', 'amount', 'carriedOver', 'to', 'exOfficio', 'collected'];

export function readCases(
  value: unknown,
  path: string,
  problems: Problems,
): Record<EndState, EndStateFigures> | undefined {
  const cases = readObject(value, path, END_STATES, problems);
  if (!cases) return undefined;
  const figures = {} as Record<EndState, EndStateFigures>;
  let complete = true;
  for (const state of END_STATES) {
    const read = cases[state] === undefined ? NO_CASES : readEndState(cases, state, `${path}.${state}`, problems);
    if (read) figures[state] = read;
    else complete = false;
  }
  return complete ? figures : undefined;
}

const NO_CASES: EndStateFigures = { count: 0, amount: 0n, carriedOver: { count: 0, amount: 0n } };

function readEndState(
  cases: JsonObject,
  state: EndState,
  path: string,
  problems: Problems,
): EndStateFigures | undefined {
  const entry = readObject(cases[state], path, FIGURE_FIELDS, problems);
  if (!entry) return undefined;
  const total = readCount(entry, path, problems);
  const carriedOver =
    entry.carriedOver === undefined
      ? { count: 0, amount: 0n }
      : readCarriedOver(entry.carriedOver, `${path}.carriedOver`, problems);
  if (!total || !carriedOver) return undefined;
  if (carriedOver.count > total.count)
    problems.add(`${path}.carriedOver.count`, `must not exceed ${path}.count (${total.count})`);
  else if (carriedOver.amount > total.amount)
    problems.add(`${path}.carriedOver.amount`, `must not exceed ${path}.amount (${total.amount})`);
  else if (total.count - carriedOver.count === 0 && total.amount !== carriedOver.amount) {
    problems.add(
      `${path}.amount`,
      'leaves VND for the cases received in the period, but none are: every received case is carried over',
    );
  }
  // Decree 62 Art. 9(5): a case reaches the separate register a year after its not-enforceable decision at the
  // earliest, and a reporting year is 12 months long, so a case decided inside the year cannot get there by its end.
  if (state === 'movedToSeparateRegister' && carriedOver.count !== total.count) {
    problems.add(
      `${path}.carriedOver.count`,
      'must equal the count: a case received in the year cannot reach the separate register within it (1 year after the not-enforceable decision, Decree 62 Art. 9(5))',
    );
  }
  // Decree 152/2026 Art. 22(2): two years not enforceable before a request is sent back.
  if (state === 'sentBack' && carriedOver.count !== total.count) {
    problems.add(
      `${path}.carriedOver.count`,
      'must equal the count: a case received in the year cannot be sent back within it (2 years after the not-enforceable decision, Decree 152/2026 Art. 22(2))',
    );
  }
  if (entry.to !== undefined && state !== 'entrustedOut') {
    problems.add(`${path}.to`, 'is allowed on entrustedOut only (where the entrusted cases go)');
    return undefined;
  }
  const to = entry.to === undefined ? undefined : readText(entry.to, `${path}.to`, problems);
  const exOfficio =
    entry.exOfficio === undefined
      ? undefined
      : readExOfficio(entry.exOfficio, `${path}.exOfficio`, { ...total, carriedOver }, problems);
  if (state === 'sentBack' && exOfficio !== undefined && exOfficio.count > 0)
    problems.add(`${path}.exOfficio.count`, 'must be 0: only a request is sent back (Decree 152/2026 Art. 22(2))');
  const collected =
    entry.collected === undefined
      ? undefined
      : readCollected(entry.collected, state, `${path}.collected`, total, problems);
  return {
    ...total,
    carriedOver,
    ...(to !== undefined && { to }),
    ...(exOfficio && { exOfficio }),
    ...(collected && { collected }),
  };
}

/** Collections on in-progress cases: on at most all of them, at least 1 VND each, less than what they owe. */
function readCollected(
  value: unknown,
  state: EndState,
  path: string,
  total: CaseCount,
  problems: Problems,
): CaseCount | undefined {
  if (state !== 'inProgress') {
    problems.add(path, 'is allowed on inProgress only (money collected on cases still open)');
    return undefined;
  }
  const entry = readObject(value, path, ['count', 'amount'], problems);
  const collected = entry && readCount(entry, path, problems);
  if (!collected) return undefined;
  if (collected.count > total.count || collected.amount < BigInt(collected.count) || collected.amount >= total.amount) {
    problems.add(
      path,
      `must collect on at most ${total.count} cases, at least 1 VND each and less than the ${total.amount} VND they owe`,
    );
    return undefined;
  }
  return collected;
}

/**
 * The ex officio part of a state: it and the on-request rest, each carried over and received, must be whole groups of
 * cases (no VND without cases), so the generator can write each group's cases in its mode.
 */
function readExOfficio(
  value: unknown,
  path: string,
  total: CaseCount & { readonly carriedOver: CaseCount },
  problems: Problems,
): (CaseCount & { readonly carriedOver: CaseCount }) | undefined {
  const entry = readObject(value, path, ['count', 'amount', 'carriedOver'], problems);
  const part = entry && readCount(entry, path, problems);
  const carriedOver =
    entry?.carriedOver === undefined
      ? { count: 0, amount: 0n }
      : readCarriedOver(entry.carriedOver, `${path}.carriedOver`, problems);
  if (!part || !carriedOver) return undefined;
  const groups: [string, bigint, bigint][] = [
    ['ex officio carried over', BigInt(carriedOver.count), carriedOver.amount],
    ['ex officio received', BigInt(part.count - carriedOver.count), part.amount - carriedOver.amount],
    [
      'on request carried over',
      BigInt(total.carriedOver.count - carriedOver.count),
      total.carriedOver.amount - carriedOver.amount,
    ],
    [
      'on request received',
      BigInt(total.count - total.carriedOver.count - (part.count - carriedOver.count)),
      total.amount - total.carriedOver.amount - (part.amount - carriedOver.amount),
    ],
  ];
  for (const [name, count, amount] of groups)
    if (count < 0n || amount < 0n || (count === 0n && amount !== 0n)) {
      problems.add(path, `leaves the ${name} cases at ${count} with ${amount} VND: each part needs whole cases`);
      return undefined;
    }
  return { ...part, carriedOver };
}

function readCarriedOver(value: unknown, path: string, problems: Problems): CaseCount | undefined {
  const entry = readObject(value, path, ['count', 'amount'], problems);
  return entry && readCount(entry, path, problems);
}

/** A count and its amount; VND without cases is refused (whose would it be?). */
function readCount(entry: JsonObject, path: string, problems: Problems): CaseCount | undefined {
  const count = readInteger(entry.count, `${path}.count`, 0, MAX_CASES, problems);
  const amount = readVnd(entry.amount, `${path}.amount`, problems);
  if (count === undefined || amount === undefined) return undefined;
  if (count === 0 && amount !== 0n) {
    problems.add(`${path}.amount`, 'must be "0" when count is 0');
    return undefined;
  }
  return { count, amount };
}
