import {
  getMetadataStorage,
  IsInt,
  IsString,
  MetadataStorage,
  registerDecorator,
  validateSync,
  ValidateNested,
} from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

class Party {
  @IsString()
  name!: string;
}

class Filing {
  @IsInt()
  count!: number;

  @ValidateNested()
  party!: Party;
}

function failures(value: object): string[] {
  return validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).flatMap((error) => [
    ...Object.keys(error.constraints ?? {}).map((rule) => `${error.property}:${rule}`),
    ...(error.children ?? []).flatMap((child) =>
      Object.keys(child.constraints ?? {}).map((rule) => `${error.property}.${child.property}:${rule}`),
    ),
  ]);
}

function filing(count: unknown, name: unknown, extra: Record<string, unknown> = {}): Filing {
  const party = Object.assign(new Party(), { name });
  return Object.assign(new Filing(), { count, party }, extra);
}

describe('memoizeValidationMetadata', () => {
  const storage = getMetadataStorage();
  const samples = [filing(1, 'a'), filing('x', 2), filing(1, 'a', { stray: true }), filing(1.5, undefined)];
  const before = samples.map(failures);
  memoizeValidationMetadata();

  it('validates exactly as class-validator does without it', () => {
    expect(samples.map(failures)).toEqual(before);
    expect(before[1]).toEqual(['count:isInt', 'party.name:isString']);
  });

  it('answers a repeated lookup with the same frozen rules', () => {
    const first = storage.getTargetValidationMetadatas(Filing, '', false, false);
    expect(storage.getTargetValidationMetadatas(Filing, '', false, false)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(storage.getTargetValidationMetadatas(Filing, '', false, false, ['other'])).not.toBe(first);
  });

  it('keeps each combination of options apart, with the answer class-validator gives for it', () => {
    const unmemoized = MetadataStorage.prototype.getTargetValidationMetadatas;
    const calls: Parameters<typeof unmemoized>[] = [];
    for (const schema of [undefined, '', 'Filing'])
      for (const always of [false, true])
        for (const strictGroups of [false, true])
          for (const groups of [undefined, [], ['a'], ['a', 'b']])
            calls.push([Filing, schema as string, always, strictGroups, groups]);
    const answers = calls.map((call) => storage.getTargetValidationMetadatas(...call));
    expect(new Set(answers).size).toBe(calls.length);
    calls.forEach((call, index) => expect(answers[index]).toEqual(unmemoized.apply(storage, call)));
  });

  it('sees a rule registered after a lookup, and a class defined after it', () => {
    expect(failures(filing(1, 'a', { note: 'n' }))).toEqual(['note:whitelistValidation']);
    registerDecorator({
      name: 'isNote',
      target: Filing,
      propertyName: 'note',
      validator: { validate: (value: unknown) => value === 'note' },
    });
    expect(failures(filing(1, 'a', { note: 'n' }))).toEqual(['note:isNote']);
    expect(failures(filing(1, 'a', { note: 'note' }))).toEqual([]);

    class Appeal extends Filing {
      @IsString()
      reason!: string;
    }
    expect(failures(Object.assign(new Appeal(), filing('x', 'a'), { reason: 3, note: 'note' }))).toEqual([
      'reason:isString',
      'count:isInt',
    ]);
  });

  it('is installed once however often it is called', () => {
    const lookUp = storage.getTargetValidationMetadatas;
    memoizeValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(lookUp);
  });

  it('leaves another storage as it was until it is installed there', () => {
    const other = new MetadataStorage();
    const lookUp = other.getTargetValidationMetadatas;
    memoizeValidationMetadata(other);
    expect(other.getTargetValidationMetadatas).not.toBe(lookUp);
    expect(other.getTargetValidationMetadatas(Filing, '', false, false)).toEqual([]);
  });
});
