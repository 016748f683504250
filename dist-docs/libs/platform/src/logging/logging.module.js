"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var LoggingModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoggingModule = void 0;
const common_1 = require("@nestjs/common");
const nestjs_pino_1 = require("nestjs-pino");
const trace_context_1 = require("../context/trace-context");
const trace_middleware_1 = require("../http/trace.middleware");
/**
 * JSON logs, one line per entry. Every line written while a request, event handler or job runs
 * carries its correlation id, so one id greps the whole story across the API and the worker.
 */
let LoggingModule = LoggingModule_1 = class LoggingModule {
    static forRoot(level) {
        return {
            module: LoggingModule_1,
            imports: [
                nestjs_pino_1.LoggerModule.forRoot({
                    pinoHttp: {
                        level,
                        genReqId: (request) => (0, trace_middleware_1.correlationIdOf)(request),
                        mixin: () => {
                            const trace = trace_context_1.Trace.current();
                            return trace
                                ? { correlationId: trace.correlationId, causationId: trace.causationId }
                                : {};
                        },
                        customLogLevel: (_request, response, error) => error || response.statusCode >= 500 ? 'error' : 'info',
                        serializers: {
                            req: (request) => ({
                                method: request.method,
                                url: request.url,
                            }),
                            res: (response) => ({ statusCode: response.statusCode }),
                        },
                    },
                }),
            ],
        };
    }
};
exports.LoggingModule = LoggingModule;
exports.LoggingModule = LoggingModule = LoggingModule_1 = __decorate([
    (0, common_1.Module)({})
], LoggingModule);
