"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemDetailsFilter = void 0;
const common_1 = require("@nestjs/common");
const node_http_1 = require("node:http");
/**
 * Turns every error into problem details. Unexpected errors become a 500 whose detail hides the
 * internals; they are logged with the stack so the request id leads to the cause.
 */
let ProblemDetailsFilter = class ProblemDetailsFilter {
    constructor() {
        this.logger = new common_1.Logger('HTTP');
    }
    catch(error, host) {
        const context = host.switchToHttp();
        const request = context.getRequest();
        const response = context.getResponse();
        const problem = { ...toProblem(error, this.logger), instance: request.originalUrl };
        response.status(problem.status).type('application/problem+json').json(problem);
    }
};
exports.ProblemDetailsFilter = ProblemDetailsFilter;
exports.ProblemDetailsFilter = ProblemDetailsFilter = __decorate([
    (0, common_1.Catch)()
], ProblemDetailsFilter);
function toProblem(error, logger) {
    // Nest's Express adapter wraps body-parser errors in an HttpException (with the raw
    // JSON.parse message); answer the body-parser error it wraps instead.
    if (error instanceof common_1.HttpException && isBodyParserError(error.cause))
        error = error.cause;
    if (error instanceof common_1.HttpException) {
        const status = error.getStatus();
        const body = error.getResponse();
        const fields = typeof body === 'object' && body !== null ? body : {};
        return {
            type: typeof fields.type === 'string' ? fields.type : 'about:blank',
            title: typeof fields.title === 'string' ? fields.title : (node_http_1.STATUS_CODES[status] ?? 'Error'),
            status,
            detail: typeof fields.detail === 'string' ? fields.detail : messageOf(fields, error),
            ...extensionsOf(fields),
        };
    }
    if (isBodyParserError(error)) {
        return {
            type: 'about:blank',
            title: error.status === 413 ? 'Payload Too Large' : 'Bad Request',
            status: error.status,
            detail: error.type === 'entity.parse.failed'
                ? 'The request body is not valid JSON.'
                : error.message,
        };
    }
    logger.error(error instanceof Error ? error.stack : String(error));
    return {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: common_1.HttpStatus.INTERNAL_SERVER_ERROR,
        detail: 'An unexpected error occurred; the request id in the response headers identifies it.',
    };
}
/** Members beyond the standard ones (field errors, a health report) travel as RFC 9457 extensions. */
function extensionsOf(fields) {
    const extensions = {};
    for (const [name, value] of Object.entries(fields)) {
        if (STANDARD_MEMBERS.has(name) || (name === 'error' && typeof value === 'string'))
            continue;
        extensions[name] = value;
    }
    return extensions;
}
const STANDARD_MEMBERS = new Set([
    'type',
    'title',
    'status',
    'detail',
    'instance',
    'message',
    'statusCode',
]);
function messageOf(fields, error) {
    const message = fields.message;
    if (Array.isArray(message))
        return message.join('; ');
    return typeof message === 'string' ? message : error.message;
}
function isBodyParserError(error) {
    const candidate = error;
    return (typeof candidate?.status === 'number' &&
        candidate.status >= 400 &&
        candidate.status < 500 &&
        typeof candidate.type === 'string');
}
