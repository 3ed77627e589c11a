/**
 * class-validator looks a DTO's rules up again for every object it validates: getTargetValidationMetadatas filters
 * the class's rules and tests the class against every registered DTO class (`instanceof`) for inherited ones, and
 * groupByPropertyName regroups them. Under the API's command load that was 3% of the main thread and 9% of all it
 * allocated, for an answer that only a new registration can change (docs/decisions.md, docs/performance.md change 52).
 *
 * memoizeValidationMetadata keeps both answers per class and options and forgets them all whenever a rule is
 * registered, so a class defined or decorated later (mapped types, a module loaded late) is seen as before. The
 * answers are frozen: a caller that tried to change a shared answer would fail loudly instead of changing the rules.
 */
import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Metadatas = ReturnType<Lookup>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const memoized = new WeakSet<MetadataStorage>();

/** Installs the memo on `storage` (class-validator's global one by default); a second call changes nothing. */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let byTarget = new Map<Parameters<Lookup>[0], Map<string, Metadatas>>();
  let grouped = new WeakMap<Metadatas, Grouped>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = optionsKey(schema, always, strictGroups, groups);
    let answers = byTarget.get(target);
    if (answers === undefined) byTarget.set(target, (answers = new Map()));
    let answer = answers.get(options);
    if (answer === undefined)
      answers.set(options, (answer = Object.freeze(lookUp(target, schema, always, strictGroups, groups)) as Metadatas));
    return answer;
  };
  storage.groupByPropertyName = (metadatas) => {
    // Only the memo's own (frozen) answers are kept: another array could still be changed by its owner.
    if (!Object.isFrozen(metadatas)) return group(metadatas);
    let answer = grouped.get(metadatas);
    if (answer === undefined) grouped.set(metadatas, (answer = freezeGroups(group(metadatas))));
    return answer;
  };
  storage.addValidationMetadata = (metadata) => {
    register(metadata);
    byTarget = new Map();
    grouped = new WeakMap();
  };
}

/** The options as a key: short for the pipe's usual call (no schema, no groups), JSON otherwise (it starts with `[`). */
function optionsKey(schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]): string {
  if (schema === undefined && groups === undefined) return `${always ? 'always' : ''}${strictGroups ? ' strict' : ''}`;
  return JSON.stringify([schema, always, strictGroups, groups]);
}

function freezeGroups(groups: Grouped): Grouped {
  for (const rules of Object.values(groups)) Object.freeze(rules);
  return Object.freeze(groups);
}
