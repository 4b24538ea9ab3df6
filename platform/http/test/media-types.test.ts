// Content negotiation of GraphQL over HTTP: the HTTP layer must pick what Apollo Server would, and refuse what it cannot answer.
import { APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, isJsonRequestBody, negotiate, parseMediaType } from '../media-types.js';

const OFFERED = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON] as const;

test.each([
  [undefined, APPLICATION_JSON],
  ['', APPLICATION_JSON],
  ['*/*', APPLICATION_JSON],
  ['application/*', APPLICATION_JSON],
  ['application/json', APPLICATION_JSON],
  ['application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
  // Equal quality: the order of the header decides, then the server's.
  ['application/graphql-response+json, application/json', GRAPHQL_RESPONSE_JSON],
  ['application/json, application/graphql-response+json', APPLICATION_JSON],
  ['application/json;q=0.9, application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
  // The most specific range sets a type's quality: */* does not bring back an excluded type.
  ['application/json;q=0, */*', GRAPHQL_RESPONSE_JSON],
  ['text/html, application/xhtml+xml, */*;q=0.8', APPLICATION_JSON],
  ['text/plain', null],
  ['application/xml, text/*', null],
  ['garbage', null],
])('Accept %j → %s', (accept, expected) => {
  expect(negotiate(accept, OFFERED)).toBe(expected);
});

test('request bodies: application/json in UTF-8 only', () => {
  for (const ok of ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"'])
    expect(isJsonRequestBody(ok)).toBe(true);
  for (const refused of [
    undefined,
    '',
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/graphql',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=iso-8859-1',
    'application/jsonp',
    'json',
  ]) {
    expect(isJsonRequestBody(refused)).toBe(false);
  }
});

test('parseMediaType', () => {
  expect(parseMediaType('Application/GraphQL-Response+JSON; Charset="utf-8"')).toEqual({
    essence: 'application/graphql-response+json',
    parameters: { charset: 'utf-8' },
  });
  expect(parseMediaType('not a type')).toBeNull();
});
