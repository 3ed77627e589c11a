import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse } from '@nestjs/swagger';
import type { HeadersObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CommandResponseDto } from '../http/dto/command-response.dto';
import { READ_MODEL_POSITION_HEADER } from '../http/read-model-answer';
import { ProblemDto } from '../problem/problem.dto';

/** The response headers the API sets, as the document names them (header names are case-insensitive). */
export const RESPONSE_HEADERS = {
  etag: {
    ETag: {
      description: 'The stream revision, quoted: send it back as If-Match',
      required: true,
      schema: { type: 'string', pattern: '^"[0-9]+"$' },
    },
  },
  replayed: {
    'Idempotent-Replayed': {
      description: 'true when this answers a retry of an Idempotency-Key already used: nothing was written',
      required: true,
      schema: { type: 'string', enum: ['true', 'false'] },
    },
  },
  location: {
    Location: { description: 'The created resource', required: true, schema: { type: 'string' } },
  },
  position: {
    [READ_MODEL_POSITION_HEADER]: {
      description: 'The global log position the answer reflects (-1 before the first event)',
      required: true,
      schema: { type: 'string', pattern: '^-?[0-9]+$' },
    },
  },
  noStore: {
    'Cache-Control': {
      description: 'no-store: the next answer may reflect a later position',
      required: true,
      schema: { type: 'string', enum: ['no-store'] },
    },
  },
  attachment: {
    'Content-Disposition': {
      description: 'attachment, with a file name',
      required: true,
      schema: { type: 'string', pattern: '^attachment; filename=' },
    },
  },
} satisfies Record<string, HeadersObject>;

/**
 * The success answer of a command: CommandResponseDto with its revision as ETag, Idempotent-Replayed, and Location for
 * a created resource that has an address to read it at. ProblemDto is registered here once: problem-responses.ts refers to it from every operation.
 */
export function ApiCommandAnswer(
  status: 200 | 201 = 200,
  options: { readonly location?: boolean } = { location: status === 201 },
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status,
      type: CommandResponseDto,
      description:
        status === 201
          ? 'Created; a retry with the same Idempotency-Key answers the same body and headers'
          : 'Recorded; a retry with the same Idempotency-Key answers the same body and ETag',
      headers: {
        ...RESPONSE_HEADERS.etag,
        ...RESPONSE_HEADERS.replayed,
        ...(options.location ? RESPONSE_HEADERS.location : {}),
      },
    }),
  );
}

/**
 * The 200 answer of a query: `X-Read-Model-Position` and `Cache-Control: no-store` on every one, ETag when the answer
 * is one stream folded (its revision).
 */
export function ApiQueryAnswer(
  type: Type | [Type],
  description: string,
  options: { readonly etag?: boolean; readonly attachment?: boolean } = {},
): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status: 200,
      type,
      description,
      headers: {
        ...RESPONSE_HEADERS.position,
        ...RESPONSE_HEADERS.noStore,
        ...(options.etag ? RESPONSE_HEADERS.etag : {}),
        ...(options.attachment ? RESPONSE_HEADERS.attachment : {}),
      },
    }),
  );
}
