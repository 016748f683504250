"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Trace = void 0;
const node_async_hooks_1 = require("node:async_hooks");
const node_crypto_1 = require("node:crypto");
const storage = new node_async_hooks_1.AsyncLocalStorage();
exports.Trace = {
    current() {
        return storage.getStore();
    },
    run(context, work) {
        return storage.run(context, work);
    },
    /** A fresh trace for work that no request or event caused (a timer, a CLI). */
    fresh() {
        return { correlationId: (0, node_crypto_1.randomUUID)(), causationId: null };
    },
};
