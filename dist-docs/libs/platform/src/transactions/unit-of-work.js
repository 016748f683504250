"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var UnitOfWork_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnitOfWork = void 0;
const node_async_hooks_1 = require("node:async_hooks");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
/**
 * Runs work in one TypeORM transaction that every repository call inside it joins, wherever it is,
 * without an EntityManager being passed around (the transaction travels in AsyncLocalStorage).
 *
 * Work registered with {@link afterCommit} runs only after the outermost transaction commits, in
 * registration order; a rollback, or a rolled-back savepoint, drops what was registered inside it.
 */
let UnitOfWork = UnitOfWork_1 = class UnitOfWork {
    constructor(dataSource) {
        this.dataSource = dataSource;
        this.logger = new common_1.Logger(UnitOfWork_1.name);
        this.storage = new node_async_hooks_1.AsyncLocalStorage();
    }
    /** The current transaction's manager, or the pool's when no unit of work is running. */
    get manager() {
        return this.storage.getStore()?.runner.manager ?? this.dataSource.manager;
    }
    get isActive() {
        return this.storage.getStore() !== undefined;
    }
    /**
     * Runs `work` in a transaction. Nested calls open a savepoint in the enclosing transaction.
     * Resolves after the commit and after the after-commit work has run; a failing after-commit
     * callback is logged and does not reject.
     */
    async run(work) {
        const parent = this.storage.getStore();
        return parent ? this.runNested(parent, work) : this.runOutermost(work);
    }
    /**
     * Registers work to run after the outermost transaction commits. Outside a unit of work it runs
     * at once, as Django's `on_commit` does under autocommit.
     */
    async afterCommit(work) {
        const frame = this.storage.getStore();
        if (frame)
            frame.afterCommit.push(work);
        else
            await this.runSafely(work);
    }
    async runOutermost(work) {
        const runner = this.dataSource.createQueryRunner();
        const frame = { runner, afterCommit: [], parent: undefined };
        let result;
        try {
            await runner.connect();
            await runner.startTransaction();
            result = await this.storage.run(frame, work);
            await runner.commitTransaction();
        }
        catch (error) {
            if (runner.isTransactionActive)
                await runner.rollbackTransaction().catch(() => undefined);
            throw error;
        }
        finally {
            // Released before the callbacks run: they open transactions of their own, and holding this
            // connection meanwhile would let a burst of requests exhaust the pool.
            await runner.release();
        }
        await this.storage.exit(() => this.flush(frame.afterCommit));
        return result;
    }
    async runNested(parent, work) {
        const frame = { runner: parent.runner, afterCommit: [], parent };
        await parent.runner.startTransaction(); // TypeORM opens a SAVEPOINT when one is active.
        try {
            const result = await this.storage.run(frame, work);
            await parent.runner.commitTransaction(); // RELEASE SAVEPOINT
            parent.afterCommit.push(...frame.afterCommit);
            return result;
        }
        catch (error) {
            // ROLLBACK TO SAVEPOINT: its work is dropped. If even that fails, the outer transaction is
            // broken and will roll back; the error worth reporting is still the first one.
            await parent.runner.rollbackTransaction().catch(() => undefined);
            throw error;
        }
    }
    async flush(queue) {
        for (const work of queue)
            await this.runSafely(work);
    }
    async runSafely(work) {
        try {
            await work();
        }
        catch (error) {
            this.logger.error(`After-commit work failed; the transaction stays committed: ${describe(error)}`, error instanceof Error ? error.stack : undefined);
        }
    }
};
exports.UnitOfWork = UnitOfWork;
exports.UnitOfWork = UnitOfWork = UnitOfWork_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], UnitOfWork);
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
