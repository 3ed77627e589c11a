import { NotAcceptableException } from '@nestjs/common';
import { negotiateMediaType } from './negotiate-media-type';

const OFFERED = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

describe('negotiateMediaType', () => {
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/*', 'text/csv'],
    ['text/csv;q=0.5, application/json;q=0.9', 'application/json'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', OFFERED[2]],
    ['text/html, */*;q=0.1', 'application/json'],
  ])('Accept %j → %s', (accept, expected) => {
    expect(negotiateMediaType(accept, OFFERED)).toBe(expected);
  });

  it.each(['application/pdf', 'text/html', 'image/*', 'application/json;q=0'])(
    'refuses %j with 406 naming what is offered',
    (accept) => {
      expect(() => negotiateMediaType(accept, OFFERED)).toThrow(NotAcceptableException);
      expect(() => negotiateMediaType(accept, OFFERED)).toThrow(/available as application\/json, text\/csv/);
    },
  );
});
