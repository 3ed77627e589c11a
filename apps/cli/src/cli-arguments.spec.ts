import { parseCliArguments, UsageError } from './cli-arguments';

describe('parseCliArguments', () => {
  it('separates positionals from flags, in either flag form', () => {
    expect(
      parseCliArguments([
        'projections',
        'skip',
        'audit_trail',
        '12',
        '--reason',
        'bad import',
        '--actor=admin-1',
        '--json',
      ]),
    ).toEqual({
      positionals: ['projections', 'skip', 'audit_trail', '12'],
      flags: { json: true, force: false, all: false, reason: 'bad import', actor: 'admin-1', batchSize: undefined },
    });
    expect(parseCliArguments(['projections', 'rebuild', 'x', '--force', '--batch-size', '200']).flags).toMatchObject({
      force: true,
      batchSize: 200,
    });
  });

  it.each([
    [['--reason'], '--reason needs a value'],
    [['--reason', '--json'], '--reason needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['--colour'], 'Unknown option --colour'],
    [['--batch-size', '0'], '--batch-size must be a whole number from 1 to 10000, got "0"'],
  ])('refuses %j naming the argument', (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(UsageError);
    expect(() => parseCliArguments(argv)).toThrow(message);
  });

  it('keeps an empty inline reason for the command to refuse', () => {
    expect(parseCliArguments(['--reason=']).flags.reason).toBe('');
  });
});
