"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var OrdersWorkerModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrdersWorkerModule = void 0;
const common_1 = require("@nestjs/common");
const cqrs_1 = require("@nestjs/cqrs");
const fulfill_order_handler_1 = require("./fulfillment/fulfill-order.handler");
const fulfillment_processor_1 = require("./fulfillment/fulfillment.processor");
const pharmacy_client_1 = require("./fulfillment/pharmacy.client");
const orders_module_1 = require("./orders.module");
/** The Orders jobs, run by the worker app: shipping ready orders through the pharmacy. */
let OrdersWorkerModule = OrdersWorkerModule_1 = class OrdersWorkerModule {
    static forRoot(pharmacy) {
        return {
            module: OrdersWorkerModule_1,
            imports: [cqrs_1.CqrsModule, orders_module_1.OrdersModule],
            providers: [
                { provide: pharmacy_client_1.PHARMACY_OPTIONS, useValue: pharmacy },
                pharmacy_client_1.PharmacyClient,
                fulfill_order_handler_1.FulfillOrderHandler,
                fulfillment_processor_1.FulfillmentProcessor,
            ],
        };
    }
};
exports.OrdersWorkerModule = OrdersWorkerModule;
exports.OrdersWorkerModule = OrdersWorkerModule = OrdersWorkerModule_1 = __decorate([
    (0, common_1.Module)({})
], OrdersWorkerModule);
