"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Subscriptions = void 0;
const common_1 = require("@nestjs/common");
const SUBSCRIBER_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-zA-Z0-9-]*$/;
/**
 * Who listens to what. Every bus backend reads it, and so does the event catalog generator, so
 * the documentation is built from the registrations the running application really makes.
 */
let Subscriptions = class Subscriptions {
    constructor() {
        this.byType = new Map();
        this.bySubscriber = new Map();
        this.eventClasses = new Map();
    }
    add(eventClass, subscriber, handler, options = {}) {
        if (!SUBSCRIBER_NAME.test(subscriber)) {
            throw new Error(`Subscriber name "${subscriber}" must look like "<module>.<what-it-does>"`);
        }
        if (this.bySubscriber.has(subscriber)) {
            throw new Error(`Subscriber "${subscriber}" is registered twice`);
        }
        const cls = eventClass;
        const known = this.eventClasses.get(cls.type);
        if (known && known !== cls) {
            throw new Error(`Two event classes claim the type "${eventClass.type}"`);
        }
        const subscription = {
            eventClass: cls,
            subscriber,
            handler: handler,
            enqueues: options.enqueues ?? [],
        };
        this.eventClasses.set(cls.type, cls);
        this.bySubscriber.set(subscriber, subscription);
        this.byType.set(eventClass.type, [...(this.byType.get(eventClass.type) ?? []), subscription]);
    }
    forType(type) {
        return this.byType.get(type) ?? [];
    }
    bySubscriberName(subscriber) {
        return this.bySubscriber.get(subscriber);
    }
    all() {
        return [...this.bySubscriber.values()];
    }
};
exports.Subscriptions = Subscriptions;
exports.Subscriptions = Subscriptions = __decorate([
    (0, common_1.Injectable)()
], Subscriptions);
