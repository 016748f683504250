"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const collect_catalog_1 = require("./collect-catalog");
const event_catalog_1 = require("./event-catalog");
/**
 * `npm run docs:events` writes docs/events.md from the code; `npm run docs:events -- --check`
 * writes nothing and fails if docs/events.md differs from what the code says.
 *
 * Boots the API and the worker apps (no HTTP server, no job processing) against PostgreSQL and
 * Redis: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) and REDIS_URL
 * (default redis://127.0.0.1:6379/0). Nothing is written to either.
 */
async function main(args) {
    const unknown = args.filter((arg) => arg !== '--check');
    if (unknown.length > 0) {
        process.stderr.write(`Unknown argument ${unknown.join(' ')}. Usage: generate-event-catalog [--check]\n`);
        return 2;
    }
    const check = args.includes('--check');
    const repoRoot = (0, collect_catalog_1.findRepoRoot)();
    const services = {
        databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    };
    let apps;
    try {
        apps = await (0, collect_catalog_1.bootApps)(services);
    }
    catch (error) {
        process.stderr.write('The event catalog boots the API and worker apps, which need PostgreSQL (DATABASE_URL, ' +
            `now ${redact(services.databaseUrl)}) and Redis (REDIS_URL, now ${redact(services.redisUrl)}). ` +
            `Booting failed:\n${error.stack ?? String(error)}\n`);
        return 1;
    }
    let result;
    try {
        result = (0, collect_catalog_1.collectCatalog)(apps, repoRoot);
    }
    finally {
        await apps.close();
    }
    if (result.problems.length > 0) {
        process.stderr.write(`The event catalog found ${result.problems.length} problem(s) in the code; ` +
            `${event_catalog_1.CATALOG_PATH} was not ${check ? 'checked' : 'written'}:\n` +
            result.problems.map((problem) => `  - ${problem}\n`).join(''));
        return 1;
    }
    const markdown = (0, event_catalog_1.renderCatalog)(result.catalog);
    const target = path.join(repoRoot, event_catalog_1.CATALOG_PATH);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    if (check) {
        if (current === markdown) {
            process.stdout.write(`${event_catalog_1.CATALOG_PATH} is up to date.\n`);
            return 0;
        }
        process.stderr.write(`${event_catalog_1.CATALOG_PATH} is ${current === null ? 'missing' : 'stale'}: run npm run docs:events\n`);
        return 1;
    }
    if (current === markdown) {
        process.stdout.write(`${event_catalog_1.CATALOG_PATH} is already up to date.\n`);
        return 0;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, markdown);
    process.stdout.write(`Wrote ${event_catalog_1.CATALOG_PATH}.\n`);
    return 0;
}
function redact(url) {
    try {
        const parsed = new URL(url);
        if (parsed.password)
            parsed.password = '***';
        return parsed.toString();
    }
    catch {
        return '(not a URL)';
    }
}
// Exit explicitly: a client library keeping a socket open must not hang the build.
main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
    process.stderr.write(`${error.stack ?? String(error)}\n`);
    process.exit(1);
});
