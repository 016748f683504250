import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_PATH = 'api/docs';

const PROBLEM = { $ref: '#/components/schemas/ProblemDetails' };

/** RFC 9457 problem details: every error of every route has this shape. */
const problemDetailsSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', example: 'about:blank' },
    title: { type: 'string', example: 'Validation Failed' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'The request has invalid fields.' },
    instance: { type: 'string', example: '/api/orders' },
    errors: {
      type: 'array',
      description: 'Field-level messages, for validation errors.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'items.0.quantity' },
          message: { type: 'string', example: 'quantity must not be less than 1' },
        },
      },
    },
  },
};

/** The OpenAPI document: every route, its bodies and answers, bearer auth, and the error shape. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Telehealth pharmacy API')
    .setDescription(
      'A NestJS modular monolith whose modules talk through domain events published after commit. ' +
        'Errors are RFC 9457 problem details (application/problem+json).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ProblemDetails: problemDetailsSchema },
  };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
      operation.responses['4XX'] = {
        description: 'Refused: problem details say why (400 invalid, 401, 403, 404, 409, 422).',
        content: { 'application/problem+json': { schema: PROBLEM } },
      };
    }
  }
  return document;
}

export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_PATH, app, buildOpenApiDocument(app), {
    jsonDocumentUrl: `${OPENAPI_PATH}-json`,
  });
}
