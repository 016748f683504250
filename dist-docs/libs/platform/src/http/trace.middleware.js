"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TraceMiddleware = void 0;
exports.correlationIdOf = correlationIdOf;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const trace_context_1 = require("../context/trace-context");
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;
/**
 * Starts the trace of a request: its correlation id comes from `X-Request-Id`, else from the trace
 * id of a W3C `traceparent`, else is new. It is echoed back and carried by every event and job
 * the request causes.
 */
let TraceMiddleware = class TraceMiddleware {
    use(request, response, next) {
        // The HTTP logger may have named the request already; both must agree on one id.
        const correlationId = typeof request.id === 'string' ? request.id : correlationIdOf(request);
        request.headers['x-request-id'] = correlationId;
        response.setHeader('X-Request-Id', correlationId);
        trace_context_1.Trace.run({ correlationId, causationId: null }, next);
    }
};
exports.TraceMiddleware = TraceMiddleware;
exports.TraceMiddleware = TraceMiddleware = __decorate([
    (0, common_1.Injectable)()
], TraceMiddleware);
function correlationIdOf(request) {
    const requestId = request.headers['x-request-id'];
    if (typeof requestId === 'string' && REQUEST_ID.test(requestId))
        return requestId;
    const traceparent = request.headers['traceparent'];
    const traceId = typeof traceparent === 'string' ? TRACEPARENT.exec(traceparent)?.[1] : undefined;
    return traceId ?? (0, node_crypto_1.randomUUID)();
}
